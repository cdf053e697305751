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

/// The file as text; a document that is not UTF-8 is refused with what to do about it.
pub fn read_text(path: &Path) -> Result<(String, String), String> {
    let (bytes, name) = read(path)?;
    let bytes = bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .map_or(bytes.clone(), <[u8]>::to_vec);
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, name)),
        Err(e) => Err(format!(
            "{name} is not UTF-8 text (byte {} is not part of a UTF-8 character): save it as UTF-8 (in Word: Save As, Plain Text, Unicode (UTF-8))",
            e.utf8_error().valid_up_to() + 1
        )),
    }
}
