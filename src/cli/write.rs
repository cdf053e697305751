//! Writing output files safely: never over an existing file without `--force`, and atomically
//! (a temporary file in the same folder, then a rename), so an error never leaves a half-written
//! or truncated file behind.

use std::io::Write;
use std::path::Path;

pub fn write_file(path: &Path, contents: &[u8], force: bool) -> Result<(), String> {
    if !force && path.exists() {
        return Err(format!(
            "{} already exists; pass --force to overwrite it",
            path.display()
        ));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| format!("{} is not a file name", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.section55-tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(contents).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot write {}: {e}", path.display())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_without_force() {
        let dir = std::env::temp_dir().join(format!("s55-write-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("out.txt");
        write_file(&file, b"one", false).expect("first write");
        let err = write_file(&file, b"two", false).expect_err("refuses");
        assert!(err.contains("--force"));
        assert_eq!(std::fs::read(&file).expect("read"), b"one");
        write_file(&file, b"two", true).expect("forced");
        assert_eq!(std::fs::read(&file).expect("read"), b"two");
        let leftovers = std::fs::read_dir(&dir).expect("list").count();
        assert_eq!(leftovers, 1);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
