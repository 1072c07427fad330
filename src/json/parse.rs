//! The one JSON parser: strict RFC 8259 text into [`Value`] (see ARCHITECTURE.md, "JSON").
//!
//! Strict: no comments, no trailing commas, no leading `+` or zeros, no control characters or
//! lone surrogates in strings, nothing but whitespace after the value. Bounded: at most
//! [`MAX_DEPTH`] nested arrays and objects. Errors carry the byte offset where the text stopped
//! being JSON and what was wrong, never the text itself; parsing never panics.
//!
//! Numbers: integers that fit `u64` or `i64` are kept exact; other numbers become the nearest
//! `f64` for the decimals the core reads (exactly for up to 15 significant digits and exponents
//! within ±22, within a few units in the last place otherwise); a number whose magnitude `f64`
//! cannot hold is an error.

use serde_json::{Map, Number, Value};

/// The deepest nesting of arrays and objects accepted (serde_json's limit: 127 levels).
pub const MAX_DEPTH: usize = 127;

/// Why text is not JSON, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// What was wrong.
    pub kind: ErrorKind,
    /// The byte offset of the first byte that is not JSON (the text's length at its end).
    pub offset: usize,
}

/// What made text not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text ended inside a value (or held none).
    Eof,
    /// A byte that cannot start or continue the value there.
    Unexpected,
    /// A raw control character (U+0000 to U+001F) inside a string.
    ControlCharacter,
    /// A backslash escape that JSON does not have, or a malformed `\u` escape.
    Escape,
    /// A `\u` escape of half a surrogate pair without its other half.
    LoneSurrogate,
    /// A number outside what `f64` holds.
    NumberOutOfRange,
    /// More than [`MAX_DEPTH`] nested arrays and objects.
    TooDeep,
    /// Something other than whitespace after the value.
    TrailingCharacters,
}

impl ParseError {
    /// The 1-based line and column (in bytes) of [`ParseError::offset`] in `text`.
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        let before = text
            .as_bytes()
            .get(..self.offset)
            .unwrap_or(text.as_bytes());
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        (line, self.offset - line_start + 1)
    }
}

/// Parses `text` as one JSON value.
///
/// # Errors
/// A [`ParseError`] when `text` is not one strict JSON value (see the module docs).
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        text,
        pos: 0,
    };
    let value = p.value(MAX_DEPTH)?;
    p.skip_whitespace();
    match p.peek() {
        None => Ok(value),
        Some(_) => Err(p.error(ErrorKind::TrailingCharacters)),
    }
}

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn error(&self, kind: ErrorKind) -> ParseError {
        ParseError {
            kind,
            offset: self.pos,
        }
    }

    /// The error for the byte at the current position: `Eof` at the end.
    fn unexpected(&self) -> ParseError {
        match self.peek() {
            None => self.error(ErrorKind::Eof),
            Some(_) => self.error(ErrorKind::Unexpected),
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Result<(), ParseError> {
        self.skip_whitespace();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Result<Value, ParseError> {
        for &expected in word {
            if self.peek() != Some(expected) {
                return Err(self.unexpected());
            }
            self.pos += 1;
        }
        Ok(value)
    }

    /// One value; `depth` is how many more arrays and objects may open.
    fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'"') => self.string().map(Value::String),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b't') => self.literal(b"true", Value::Bool(true)),
            Some(b'f') => self.literal(b"false", Value::Bool(false)),
            Some(b'n') => self.literal(b"null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.unexpected()),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, ParseError> {
        let depth = self.nest(depth)?;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, ParseError> {
        let depth = self.nest(depth)?;
        let mut members = Map::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected());
            }
            let key = self.string()?;
            self.eat(b':')?;
            let value = self.value(depth)?;
            members.insert(key, value);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    /// Consumes the opening bracket; the depth left inside.
    fn nest(&mut self, depth: usize) -> Result<usize, ParseError> {
        if depth == 0 {
            return Err(self.error(ErrorKind::TooDeep));
        }
        self.pos += 1;
        Ok(depth - 1)
    }

    /// A string, from its opening quote to after its closing one.
    fn string(&mut self) -> Result<String, ParseError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // Stops only at ASCII bytes, so both ends are character boundaries.
            out.push_str(self.text.get(start..self.pos).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = self.escape()?;
                    out.push(c);
                }
                Some(_) => return Err(self.error(ErrorKind::ControlCharacter)),
                None => return Err(self.error(ErrorKind::Eof)),
            }
        }
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Result<char, ParseError> {
        let Some(b) = self.peek() else {
            return Err(self.error(ErrorKind::Eof));
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => {
                self.pos -= 1;
                return Err(self.error(ErrorKind::Escape));
            }
        })
    }

    /// After `\u`: one character, from a surrogate pair when it takes two escapes.
    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let at = self.pos;
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(ParseError {
                        kind: ErrorKind::LoneSurrogate,
                        offset: at,
                    });
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(ParseError {
                        kind: ErrorKind::LoneSurrogate,
                        offset: at,
                    });
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => {
                return Err(ParseError {
                    kind: ErrorKind::LoneSurrogate,
                    offset: at,
                })
            }
            other => other,
        };
        char::from_u32(code).ok_or(ParseError {
            kind: ErrorKind::LoneSurrogate,
            offset: at,
        })
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                Some(_) => return Err(self.error(ErrorKind::Escape)),
                None => return Err(self.error(ErrorKind::Eof)),
            };
            code = code * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(code)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    /// A number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.unexpected()),
        }
        let int_end = self.pos;
        let mut fraction = None;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let from = self.pos;
            if self.digits() == 0 {
                return Err(self.unexpected());
            }
            fraction = Some((from, self.pos));
        }
        let mut exponent: i64 = 0;
        let has_exponent = matches!(self.peek(), Some(b'e' | b'E'));
        if has_exponent {
            self.pos += 1;
            let sign = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    -1
                }
                Some(b'+') => {
                    self.pos += 1;
                    1
                }
                _ => 1,
            };
            let from = self.pos;
            if self.digits() == 0 {
                return Err(self.unexpected());
            }
            for &d in self.bytes.get(from..self.pos).unwrap_or_default() {
                exponent = (exponent * 10 + i64::from(d - b'0')).min(1 << 20);
            }
            exponent *= sign;
        }
        let int_digits = self
            .bytes
            .get(start + usize::from(negative)..int_end)
            .unwrap_or_default();
        if fraction.is_none() && !has_exponent {
            if let Some(n) = integer(int_digits, negative) {
                return Ok(Value::Number(n));
            }
        }
        let frac_digits = fraction
            .and_then(|(a, b)| self.bytes.get(a..b))
            .unwrap_or_default();
        let magnitude = decimal_to_f64(int_digits, frac_digits, exponent);
        let signed = if negative { -magnitude } else { magnitude };
        Number::from_f64(signed)
            .map(Value::Number)
            .ok_or(ParseError {
                kind: ErrorKind::NumberOutOfRange,
                offset: start,
            })
    }
}

/// An integer written without fraction or exponent, when `u64` (or `i64`, negative) holds it;
/// `-0` is not one (it is the float `-0.0`, as serde_json reads it).
fn integer(digits: &[u8], negative: bool) -> Option<Number> {
    let mut n: u64 = 0;
    for &d in digits {
        n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
    }
    if !negative {
        return Some(Number::from(n));
    }
    if n == 0 {
        return None;
    }
    0i64.checked_sub_unsigned(n).map(Number::from)
}

/// The powers of ten `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `int.frac × 10^exponent` as an `f64` (positive; infinite when too large).
fn decimal_to_f64(int: &[u8], frac: &[u8], exponent: i64) -> f64 {
    // The first 19 significant digits as an integer; the scale of the rest in the exponent.
    let mut mantissa: u64 = 0;
    let mut kept = 0;
    let mut scale = exponent;
    for (i, &d) in int.iter().chain(frac).enumerate() {
        if mantissa == 0 && d == b'0' {
            if i >= int.len() {
                scale -= 1;
            }
            continue;
        }
        if kept < 19 {
            mantissa = mantissa * 10 + u64::from(d - b'0');
            kept += 1;
            if i >= int.len() {
                scale -= 1;
            }
        } else if i < int.len() {
            scale += 1;
        }
    }
    if mantissa == 0 {
        return 0.0;
    }
    let power = |e: i64| EXACT_POWERS.get(e.unsigned_abs() as usize).copied();
    if mantissa < 1 << 53 {
        // Both operands exact: one correctly rounded operation.
        if let Some(p) = power(scale) {
            return if scale < 0 {
                mantissa as f64 / p
            } else {
                mantissa as f64 * p
            };
        }
    }
    let mut value = mantissa as f64;
    let mut left = scale;
    while left != 0 {
        let step = left.clamp(-22, 22);
        let p = power(step).unwrap_or(1.0);
        value = if step < 0 { value / p } else { value * p };
        if value == 0.0 || value.is_infinite() {
            break;
        }
        left -= step;
    }
    value
}
