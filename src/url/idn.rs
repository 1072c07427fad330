//! Internationalized host names (non-ASCII or punycode labels): IDNA needs Unicode tables the
//! shipped module leaves out, so such names go to a WHATWG host parser the embedding installs
//! (the WebAssembly binding installs the JS host's own, the parser `fetch` uses; see
//! ARCHITECTURE.md, "Build"). Native builds without one use the `idna` crate, the same UTS #46
//! processing the URL Standard names.

use std::net::IpAddr;
use std::sync::OnceLock;

use super::host::Host;
use super::ip_text::parse_ip_literal;

/// A WHATWG host parser supplied by the embedding: text in, the host's ASCII serialization out
/// (IDN as punycode, IPv4 dotted, IPv6 in brackets), `None` for an invalid host.
pub type HostParser = fn(&str) -> Option<String>;

static HOST_PARSER: OnceLock<HostParser> = OnceLock::new();

/// Installs the WHATWG host parser used for host names with non-ASCII or punycode labels. The
/// WebAssembly binding installs the JS host's own (`new URL`, the parser `fetch` uses): the
/// shipped module has no Unicode tables (see ARCHITECTURE.md). Without one, native builds use
/// the `idna` crate and WebAssembly builds reject such names. The first installed parser stays;
/// returns whether this call installed it.
pub fn install_host_parser(parser: HostParser) -> bool {
    HOST_PARSER.set(parser).is_ok()
}

/// The host `text` (whose percent-decoded bytes are `decoded`) names, by the installed parser
/// or natively by UTS #46 ToASCII. `None` when the parser rejects it, or when there is no
/// parser for it (WebAssembly without an installed one).
pub(super) fn domain_to_ascii(text: &str, decoded: &[u8]) -> Option<Host> {
    match HOST_PARSER.get() {
        Some(parser) => from_serialized(parser(text)?),
        None => native(decoded),
    }
}

/// A host read back from its serialization (IP literals as Rust's `FromStr` reads them).
fn from_serialized(ascii: String) -> Option<Host> {
    if let Some(v6) = ascii.strip_prefix("[").and_then(|h| h.strip_suffix("]")) {
        return match parse_ip_literal(v6)? {
            IpAddr::V6(a) => Some(Host::Ipv6(a)),
            IpAddr::V4(_) => None,
        };
    }
    Some(match parse_ip_literal(&ascii) {
        Some(IpAddr::V4(a)) => Host::Ipv4(a),
        _ => Host::Domain(ascii),
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn native(decoded: &[u8]) -> Option<Host> {
    let ascii = idna::domain_to_ascii_from_cow(decoded.into(), idna::AsciiDenyList::URL).ok()?;
    super::host::domain_or_ipv4(ascii.into_owned())
}

#[cfg(target_arch = "wasm32")]
fn native(_decoded: &[u8]) -> Option<Host> {
    None
}
