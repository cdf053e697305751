//! Resolution of plain scalars by the YAML 1.2 core schema. Quoted and block scalars are always
//! text; so are dates, which the schema then checks as `format: date`.

use std::borrow::Cow;

use super::{Text, Value};

/// The scanner's text as the tree keeps it (see [`Text`]): short text copied into the value,
/// long text in the scanner's own string (no copy) without the room it grew for.
pub(super) fn owned(text: Cow<str>) -> Text {
    match text {
        Cow::Borrowed(text) => Text::from(text),
        Cow::Owned(text) => Text::from(text),
    }
}

/// The value of a plain scalar; text keeps the scanner's string.
pub fn resolve_plain(text: Cow<str>) -> Value {
    match &*text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    if let Some(value) = resolve_int(&text) {
        return value;
    }
    if let Some(f) = is_float(&text).then(|| text.parse::<f64>().ok()).flatten() {
        return Value::Float(f);
    }
    Value::Str(owned(text))
}

fn resolve_int(text: &str) -> Option<Value> {
    let radix_int = |digits: &str, radix| {
        (!digits.is_empty())
            .then(|| i64::from_str_radix(digits, radix).ok())
            .flatten()
    };
    if let Some(hex) = text.strip_prefix("0x") {
        return radix_int(hex, 16).map(Value::Int);
    }
    if let Some(oct) = text.strip_prefix("0o") {
        return radix_int(oct, 8).map(Value::Int);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Too large for i64: still a number, so the schema reports it as one.
    Some(text.parse::<i64>().map_or_else(
        |_| Value::Float(text.parse().unwrap_or(f64::MAX)),
        Value::Int,
    ))
}

/// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
fn is_float(text: &str) -> bool {
    let s = text.strip_prefix(['-', '+']).unwrap_or(text).as_bytes();
    let digits = |s: &[u8], i: &mut usize| {
        let start = *i;
        while *i < s.len() && s[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let mut i = 0;
    let int_digits = digits(s, &mut i);
    let mut frac_digits = 0;
    if i < s.len() && s[i] == b'.' {
        i += 1;
        frac_digits = digits(s, &mut i);
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        i += 1;
        if i < s.len() && (s[i] == b'-' || s[i] == b'+') {
            i += 1;
        }
        if digits(s, &mut i) == 0 {
            return false;
        }
    }
    i == s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_schema() {
        assert_eq!(resolve_plain("~".into()), Value::Null);
        assert_eq!(resolve_plain("True".into()), Value::Bool(true));
        assert_eq!(resolve_plain("42".into()), Value::Int(42));
        assert_eq!(resolve_plain("0x1F".into()), Value::Int(31));
        assert_eq!(resolve_plain("1.5e3".into()), Value::Float(1500.0));
        assert_eq!(
            resolve_plain("2025-10-24".into()),
            Value::Str("2025-10-24".into())
        );
        assert_eq!(resolve_plain("yes".into()), Value::Str("yes".into()));
        assert_eq!(resolve_plain("1.".into()), Value::Float(1.0));
        assert_eq!(resolve_plain(".".into()), Value::Str(".".into()));
        assert!(matches!(
            resolve_plain("99999999999999999999".into()),
            Value::Float(_)
        ));
    }
}
