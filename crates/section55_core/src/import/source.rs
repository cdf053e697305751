//! What kind of file the importer was given, and its text: Markdown or plain text as is, a Word
//! document (`.docx`) through [`super::docx`]; a PDF, an old `.doc`, or a binary file refused with
//! what to do instead. Sizes are bounded so that reading stays within time and memory.

/// The most text the importer reads; a long response is a few hundred kilobytes.
pub const MAX_TEXT: usize = 16 * 1024 * 1024;

/// The document's text, or a plain-worded reason it cannot be imported (`name` is for messages).
pub fn document_text(bytes: &[u8], name: &str) -> Result<String, String> {
    let refuse = |why: String| Err(format!("{name}: {why}"));
    if bytes.starts_with(b"%PDF") {
        return refuse("this is a PDF, which keeps no reliable text order: export the text or Word first (in Word: open the PDF, then Save As .docx; or copy the text into a .txt file)".into());
    }
    if bytes.starts_with(b"\xd0\xcf\x11\xe0") {
        return refuse("this is an old Word document (.doc) or another Office file: save it from Word as .docx, or export the text".into());
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return super::docx::text(bytes).or_else(&refuse);
    }
    if name.to_ascii_lowercase().ends_with(".docx") {
        return refuse("it is not a Word document (.docx): not a ZIP archive; save it from Word as .docx, or export the text".into());
    }
    if bytes.len() > MAX_TEXT {
        return refuse(format!(
            "{} MB of text is far more than a response (the importer reads up to {} MB): import the response's own pages",
            bytes.len() / (1024 * 1024),
            MAX_TEXT / (1024 * 1024)
        ));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return refuse(format!(
            "this is a binary file, not text (a NUL byte at byte {}): export the text or Word first",
            at + 1
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => refuse(format!(
            "not UTF-8 text (byte {} is not part of a UTF-8 character): save it as UTF-8 (in Word: Save As, Plain Text, Unicode (UTF-8))",
            e.valid_up_to() + 1
        )),
    }
}
