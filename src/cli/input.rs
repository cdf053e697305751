//! Reading the one input file of `render` and `import`: a path, or `-` for standard input.

use std::io::Read;
use std::path::Path;

/// The file's bytes and the name to show in messages.
pub fn read(path: &Path) -> Result<(Vec<u8>, String), String> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok((bytes, "<stdin>".to_owned()));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok((bytes, path.display().to_string()))
}
