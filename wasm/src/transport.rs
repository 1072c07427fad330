//! How a failed `fetch` is classified from what the host's error says: its `name` (`AbortError`,
//! `TimeoutError`, ...), the `code` and `message` texts of the error and its causes, and whether
//! the request's abort signal fired. The core only receives the verdict, a [`Transport`].

use regcred::verify::http::Transport;

/// Words in a failed fetch's error (or its `cause`) that mean the TLS handshake failed. Node's
/// undici puts codes such as `DEPTH_ZERO_SELF_SIGNED_CERT`, `UNABLE_TO_VERIFY_LEAF_SIGNATURE`,
/// `CERT_HAS_EXPIRED` or `ERR_TLS_CERT_ALTNAME_INVALID` in `cause.code`; Deno and browsers say
/// "certificate" in the message.
const TLS_WORDS: [&str; 8] = [
    "cert",
    "tls",
    "ssl",
    "self_signed",
    "self-signed",
    "unable_to_verify",
    "unable to verify",
    "handshake",
];

/// A timeout (aborted, `AbortError`, `TimeoutError`), a TLS failure (a TLS word in any text),
/// or otherwise unreachable.
pub fn classify(name: &str, texts: &[String], aborted: bool) -> Transport {
    if aborted || name == "AbortError" || name == "TimeoutError" {
        return Transport::Timeout;
    }
    let tls = texts.iter().any(|t| {
        let t = t.to_ascii_lowercase();
        TLS_WORDS
            .iter()
            .any(|w| regcred::substring::contains(&t, w))
    });
    if tls {
        Transport::Tls
    } else {
        Transport::Unreachable
    }
}
