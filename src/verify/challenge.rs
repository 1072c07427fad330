//! `WWW-Authenticate` challenges (RFC 7235 §4.1, RFC 9110 §11.6.1).
//!
//! One header value may hold several challenges (`fetch` joins repeated headers with `", "`),
//! each a case-insensitive scheme followed by either a token68 or a comma-separated list of
//! auth-params whose values are tokens or quoted strings with backslash escapes:
//!
//! ```text
//! Bearer realm="https://auth.example/token",service="registry.example", Basic realm="x"
//! ```
//!
//! The parser never fails: junk is skipped up to the next comma, an unterminated quoted string
//! runs to the end of the value, and input longer than [`MAX_HEADER_LEN`] yields no challenges.
//! Scheme and parameter names are lowercased; values are kept as sent.
//!
//! Ambiguity between a token68 and an empty parameter is resolved this way: `x=` (one `=`) is
//! the parameter `x` with an empty value; `x==` (two or more) or a run containing `/` or `+` is
//! a token68. A token68 is only recognized as the first item after the scheme.

/// Longer header values are ignored entirely (a registry never sends anything close).
pub const MAX_HEADER_LEN: usize = 16 * 1024;
/// At most this many challenges are kept from one value.
pub const MAX_CHALLENGES: usize = 16;
/// At most this many parameters are kept per challenge.
pub const MAX_PARAMS: usize = 32;

/// One authentication challenge.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Challenge {
    /// The auth-scheme, lowercased (`basic`, `bearer`, ...).
    pub scheme: String,
    /// The auth-params in order, names lowercased.
    pub params: Vec<(String, String)>,
    /// The token68, when the challenge carries one instead of parameters.
    pub token68: Option<String>,
}

impl Challenge {
    /// The first parameter called `name` (give it lowercase).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn is_token68_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~+/".contains(&b)
}

fn is_ows(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn peek_at(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }
    fn skip_ows(&mut self) {
        while self.peek().is_some_and(is_ows) {
            self.i += 1;
        }
    }
    fn skip_ows_at(&self, mut i: usize) -> usize {
        while self.peek_at(i).is_some_and(is_ows) {
            i += 1;
        }
        i
    }
    fn run_at(&self, mut i: usize, pred: fn(u8) -> bool) -> usize {
        while self.peek_at(i).is_some_and(pred) {
            i += 1;
        }
        i
    }
    fn text(&self, from: usize, to: usize) -> String {
        String::from_utf8_lossy(self.b.get(from..to).unwrap_or_default()).into_owned()
    }
    /// Skips junk up to (not past) the next comma.
    fn skip_to_comma(&mut self) {
        while self.peek().is_some_and(|b| b != b',') {
            self.i += 1;
        }
    }
    /// A quoted string starting at the opening quote; escapes resolved.
    fn quoted(&mut self) -> String {
        self.i += 1;
        let mut out = Vec::new();
        while let Some(b) = self.peek() {
            self.i += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    if let Some(next) = self.peek() {
                        out.push(next);
                        self.i += 1;
                    }
                }
                _ => out.push(b),
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    /// Whether the text after a comma at `self.i` starts an auth-param (`name =`), as opposed
    /// to a new challenge or nothing.
    fn comma_starts_param(&self) -> bool {
        let mut i = self.i;
        while self.peek_at(i).is_some_and(|b| b == b',' || is_ows(b)) {
            i += 1;
        }
        let end = self.run_at(i, is_tchar);
        if end == i {
            return false;
        }
        let j = self.skip_ows_at(end);
        self.peek_at(j) == Some(b'=') && self.peek_at(j + 1) != Some(b'=')
    }
}

/// Parses every challenge in one `WWW-Authenticate` value. Never panics; see the module docs.
pub fn parse_challenges(value: &str) -> Vec<Challenge> {
    let mut out = Vec::new();
    if value.len() > MAX_HEADER_LEN {
        return out;
    }
    let mut c = Cursor {
        b: value.as_bytes(),
        i: 0,
    };
    loop {
        while c.peek().is_some_and(|b| b == b',' || is_ows(b)) {
            c.i += 1;
        }
        if c.peek().is_none() || out.len() >= MAX_CHALLENGES {
            break;
        }
        let start = c.i;
        let end = c.run_at(start, is_tchar);
        if end == start {
            c.i += 1;
            c.skip_to_comma();
            continue;
        }
        let mut ch = Challenge {
            scheme: c.text(start, end).to_ascii_lowercase(),
            ..Challenge::default()
        };
        c.i = end;
        parse_items(&mut c, &mut ch);
        out.push(ch);
    }
    out
}

/// Parses the token68 or auth-params of one challenge, stopping before the comma that starts
/// the next challenge (or at the end).
fn parse_items(c: &mut Cursor<'_>, ch: &mut Challenge) {
    let mut first = true;
    loop {
        c.skip_ows();
        match c.peek() {
            None => return,
            Some(b',') if c.comma_starts_param() => {
                c.i += 1;
                c.skip_ows();
                while c.peek() == Some(b',') {
                    c.i += 1;
                    c.skip_ows();
                }
                first = false;
            }
            Some(b',') => return,
            Some(_) => {}
        }
        let start = c.i;
        let name_end = c.run_at(start, is_tchar);
        let eq = c.skip_ows_at(name_end);
        let eq_run = c.run_at(eq, |b| b == b'=');
        if name_end > start && eq_run == eq + 1 {
            c.i = c.skip_ows_at(eq_run);
            let value = match c.peek() {
                Some(b'"') => c.quoted(),
                _ => {
                    let v_end = c.run_at(c.i, is_tchar);
                    let v = c.text(c.i, v_end);
                    c.i = v_end;
                    v
                }
            };
            if ch.params.len() < MAX_PARAMS {
                ch.params
                    .push((c.text(start, name_end).to_ascii_lowercase(), value));
            }
        } else {
            let t_end = c.run_at(start, is_token68_char);
            let t_end = c.run_at(t_end, |b| b == b'=');
            let after = c.skip_ows_at(t_end);
            let clean = matches!(c.peek_at(after), None | Some(b','));
            if first && t_end > start && clean && ch.token68.is_none() {
                ch.token68 = Some(c.text(start, t_end));
                c.i = after;
            } else {
                c.i = c.i.max(start + 1);
                c.skip_to_comma();
            }
        }
        first = false;
        c.skip_ows();
        match c.peek() {
            None | Some(b',') => {}
            Some(_) => c.skip_to_comma(),
        }
    }
}
