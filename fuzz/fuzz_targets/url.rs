//! The URL parser (`src/url/`): any text, absolute or resolved against a registry URL, never
//! panics, and wherever the result is an http(s) URL it is the `url` crate's (the parser it
//! replaced; both follow the URL Standard), except where that crate departs from the Standard
//! (see `tests/support/url_departures.rs`). The setters and the redaction run on every result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regcred::verify::Url;

#[path = "../../tests/support/url_departures.rs"]
mod url_departures;
use url_departures::{url_crate_departs, BASE};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(input) = std::str::from_utf8(rest) else { return };
    let with_base = selector & 1 == 1;
    let ours = if with_base { Url::parse(BASE).unwrap().join(input) } else { Url::parse(input) };
    let theirs = if with_base { url::Url::parse(BASE).unwrap().join(input) } else { url::Url::parse(input) };
    let ours_http = ours.as_ref().ok().map(|u| u.to_string()).filter(|s| s.starts_with("http"));
    let theirs_http = theirs.ok().map(|u| u.to_string()).filter(|s| s.starts_with("http"));
    if !url_crate_departs(input, with_base) {
        assert_eq!(ours_http, theirs_http, "{input:?} (base: {with_base})");
    }
    if let Ok(mut u) = ours {
        let _ = u.redacted();
        let _ = u.set_scheme("http");
        u.append_query_pair(input, input);
        let _ = u.join(input);
    }
});
