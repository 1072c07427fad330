//! The one JSON parser: strict RFC 8259 text into [`Value`] (see ARCHITECTURE.md, "JSON").
//!
//! Strict: no comments, no trailing commas, no leading `+` or zeros, no control characters or
//! lone surrogates in strings, nothing but whitespace after the value. Bounded: at most
//! [`MAX_DEPTH`] nested arrays and objects. Errors carry the byte offset where the text stopped
//! being JSON and what was wrong, never the text itself; parsing never panics.
//!
//! Numbers are kept as written ([`Number`]); read as `f64`, a decimal is exact for up to 15
//! significant digits and exponents within ±22 and within a few units in the last place
//! otherwise. A number whose magnitude `f64` cannot hold is an error (as serde_json has it).

use super::number::scan_number;
use super::{Map, Number, Value};

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
        if !self.closes(b']') {
            loop {
                items.push(self.value(depth)?);
                if self.member_end(b']')? {
                    break;
                }
            }
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self, depth: usize) -> Result<Value, ParseError> {
        let depth = self.nest(depth)?;
        let mut members = Map::new();
        if !self.closes(b'}') {
            loop {
                self.skip_whitespace();
                if self.peek() != Some(b'"') {
                    return Err(self.unexpected());
                }
                let key = self.string()?;
                self.eat(b':')?;
                let value = self.value(depth)?;
                members.insert(key, value);
                if self.member_end(b'}')? {
                    break;
                }
            }
        }
        Ok(Value::Object(members))
    }

    /// Skips whitespace and consumes `close` when it comes next (an empty array or object).
    fn closes(&mut self, close: u8) -> bool {
        self.skip_whitespace();
        let closed = self.peek() == Some(close);
        if closed {
            self.pos += 1;
        }
        closed
    }

    /// After a member: consumes the `,` (`false`: another member follows) or `close` (`true`);
    /// anything else is an unexpected byte.
    fn member_end(&mut self, close: u8) -> Result<bool, ParseError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(false)
            }
            Some(b) if b == close => {
                self.pos += 1;
                Ok(true)
            }
            _ => Err(self.unexpected()),
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
            let rest = self.bytes.get(start..).unwrap_or_default();
            self.pos += rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
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

    /// A number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.pos;
        let (end, parts) = scan_number(self.bytes, start).map_err(|at| {
            self.pos = at;
            self.unexpected()
        })?;
        self.pos = end;
        if !parts.is_finite() {
            return Err(ParseError {
                kind: ErrorKind::NumberOutOfRange,
                offset: start,
            });
        }
        let text = self.text.get(start..end).unwrap_or_default();
        Ok(Value::Number(Number::from_checked_text(text)))
    }
}
