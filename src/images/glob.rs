//! `filepath.Match` as the kubelet applies it to one host label of a keyring key (`*`, `?`,
//! `[a-z]`, `\\` escapes), used by `src/images/keyring.rs`.

/// One element of a `filepath.Match` pattern; a class keeps its text (after `[` and `^`, up to
/// its closing `]`) and is read again where it is matched, so that matching allocates nothing.
enum Token<'p> {
    Star,
    Any,
    Byte(u8),
    Class { negated: bool, ranges: &'p [u8] },
}

impl Token<'_> {
    fn matches(&self, c: u8) -> bool {
        match self {
            Token::Star | Token::Any => true,
            Token::Byte(b) => *b == c,
            Token::Class { negated, ranges } => {
                let mut p = *ranges;
                let mut found = false;
                while let Some((lo, hi, rest)) = class_range(p) {
                    found |= (lo..=hi).contains(&c);
                    p = rest;
                }
                found != *negated
            }
        }
    }
}

fn class_char(p: &[u8]) -> Option<(u8, &[u8])> {
    match p.split_first()? {
        (b'\\', rest) => rest.split_first().map(|(c, r)| (*c, r)),
        (b'-' | b']', _) => None,
        (c, rest) => Some((*c, rest)),
    }
}

/// The first range of a class's text (`a` or `a-z`) and the rest; `None` at its end.
fn class_range(p: &[u8]) -> Option<(u8, u8, &[u8])> {
    let (lo, rest) = class_char(p)?;
    match rest.split_first() {
        Some((b'-', after)) => class_char(after).map(|(hi, rest)| (lo, hi, rest)),
        _ => Some((lo, lo, rest)),
    }
}

/// The token at the start of `p` and what follows it, or `None` when it is malformed
/// (`ErrBadPattern`) or `p` is empty.
fn token(p: &[u8]) -> Option<(Token<'_>, &[u8])> {
    let (c, rest) = p.split_first()?;
    Some(match c {
        b'*' => (Token::Star, rest),
        b'?' => (Token::Any, rest),
        b'\\' => {
            let (c, rest) = rest.split_first()?;
            (Token::Byte(*c), rest)
        }
        b'[' => {
            let negated = rest.first() == Some(&b'^');
            let body = if negated { rest.get(1..)? } else { rest };
            // At least one range, then more up to the `]`.
            let mut p = body;
            loop {
                let (_, _, after) = class_range(p)?;
                p = after;
                if let Some((b']', after)) = p.split_first() {
                    let len = body.len() - p.len();
                    return Some((
                        Token::Class {
                            negated,
                            ranges: body.get(..len)?,
                        },
                        after,
                    ));
                }
            }
        }
        c => (Token::Byte(*c), rest),
    })
}

/// `filepath.Match` on one host label (neither side holds a `/`); a malformed pattern matches
/// nothing. Linear in practice: only the last `*` is ever backtracked to. Tokens are read from
/// the pattern as they are needed (a path through a malformed one fails, as every path does).
pub fn glob_match(pattern: &[u8], name: &[u8]) -> bool {
    if !pattern
        .iter()
        .any(|c| matches!(c, b'*' | b'?' | b'[' | b'\\'))
    {
        return pattern == name;
    }
    let (mut t, mut n) = (pattern, 0usize);
    let mut star: Option<(&[u8], usize)> = None;
    while n < name.len() {
        match (token(t), name.get(n)) {
            (Some((Token::Star, rest)), _) => {
                star = Some((rest, n));
                t = rest;
            }
            (Some((tok, rest)), Some(c)) if tok.matches(*c) => {
                t = rest;
                n += 1;
            }
            _ => match star {
                Some((after_star, sn)) => {
                    star = Some((after_star, sn + 1));
                    t = after_star;
                    n = sn + 1;
                }
                None => return false,
            },
        }
    }
    // What is left of the pattern must be stars (and well formed).
    while let Some((Token::Star, rest)) = token(t) {
        t = rest;
    }
    t.is_empty()
}
