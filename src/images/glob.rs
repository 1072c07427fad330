//! `filepath.Match` as the kubelet applies it to one host label of a keyring key (`*`, `?`,
//! `[a-z]`, `\\` escapes), used by `src/images/keyring.rs`.

/// One element of a `filepath.Match` pattern.
enum Token {
    Star,
    Any,
    Byte(u8),
    Class {
        negated: bool,
        ranges: Vec<(u8, u8)>,
    },
}

impl Token {
    fn matches(&self, c: u8) -> bool {
        match self {
            Token::Star | Token::Any => true,
            Token::Byte(b) => *b == c,
            Token::Class { negated, ranges } => {
                ranges.iter().any(|(lo, hi)| (*lo..=*hi).contains(&c)) != *negated
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

/// The tokens of a pattern, or `None` when it is malformed (`ErrBadPattern`).
fn tokens(mut p: &[u8]) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    while let Some((c, rest)) = p.split_first() {
        p = rest;
        out.push(match c {
            b'*' => Token::Star,
            b'?' => Token::Any,
            b'\\' => {
                let (c, rest) = p.split_first()?;
                p = rest;
                Token::Byte(*c)
            }
            b'[' => {
                let negated = p.first() == Some(&b'^');
                if negated {
                    p = p.get(1..)?;
                }
                let mut ranges = Vec::new();
                loop {
                    if let Some((b']', rest)) = p.split_first() {
                        if !ranges.is_empty() {
                            p = rest;
                            break;
                        }
                    }
                    let (lo, rest) = class_char(p)?;
                    let (hi, rest) = match rest.split_first() {
                        Some((b'-', after)) => class_char(after)?,
                        _ => (lo, rest),
                    };
                    ranges.push((lo, hi));
                    p = rest;
                }
                Token::Class { negated, ranges }
            }
            c => Token::Byte(*c),
        });
    }
    Some(out)
}

/// `filepath.Match` on one host label (neither side holds a `/`); a malformed pattern matches
/// nothing. Linear in practice: only the last `*` is ever backtracked to.
pub fn glob_match(pattern: &[u8], name: &[u8]) -> bool {
    if !pattern
        .iter()
        .any(|c| matches!(c, b'*' | b'?' | b'[' | b'\\'))
    {
        return pattern == name;
    }
    let Some(toks) = tokens(pattern) else {
        return false;
    };
    let (mut t, mut n) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        match (toks.get(t), name.get(n)) {
            (Some(Token::Star), _) => {
                star = Some((t, n));
                t += 1;
            }
            (Some(tok), Some(c)) if tok.matches(*c) => {
                t += 1;
                n += 1;
            }
            _ => match star {
                Some((st, sn)) => {
                    star = Some((st, sn + 1));
                    t = st + 1;
                    n = sn + 1;
                }
                None => return false,
            },
        }
    }
    toks.get(t..)
        .is_some_and(|rest| rest.iter().all(|tok| matches!(tok, Token::Star)))
}
