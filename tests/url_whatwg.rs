//! The URL parser (`src/url/`) against the URL Standard: web-platform-tests vectors for http and
//! https (tests/fixtures/urls/whatwg-http.json), relative references as registries send them
//! (redirect `Location`, token `realm`), and the `url` crate it replaced, input for input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use regcred::verify::Url;

#[path = "support/url_departures.rs"]
mod url_departures;
use url_departures::{url_crate_departs, BASE};

fn resolve(input: &str, base: Option<&str>) -> Option<String> {
    let parsed = match base {
        Some(b) => Url::parse(b).unwrap().join(input),
        None => Url::parse(input),
    };
    parsed.ok().map(|u| u.to_string())
}

fn reference(input: &str, base: Option<&str>) -> Option<String> {
    let parsed = match base {
        Some(b) => url::Url::parse(b).unwrap().join(input),
        None => url::Url::parse(input),
    };
    parsed.ok().map(|u| u.to_string())
}

#[test]
fn web_platform_tests_vectors() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/urls/whatwg-http.json"
    ))
    .unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() > 300, "{}", cases.len());
    let mut wrong = Vec::new();
    for case in cases {
        let input = case["input"].as_str().unwrap();
        let base = case["base"].as_str();
        let want = case["href"].as_str();
        let got = resolve(input, base);
        if got.as_deref() != want {
            wrong.push(format!(
                "{input:?} against {base:?}: {got:?}, want {want:?}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn relative_references_as_registries_send_them() {
    let base = "https://registry.example.com:5000/v2/team/app/blobs/uploads/?a=1#f";
    for (location, want) in [
        ("/v2/token", "https://registry.example.com:5000/v2/token"),
        (
            "uuid-1?_state=x y",
            "https://registry.example.com:5000/v2/team/app/blobs/uploads/uuid-1?_state=x%20y",
        ),
        (
            "../../manifests/latest",
            "https://registry.example.com:5000/v2/team/app/manifests/latest",
        ),
        (
            "./%2e%2E/x/./y/.",
            "https://registry.example.com:5000/v2/team/app/blobs/x/y/",
        ),
        (
            "?b=2",
            "https://registry.example.com:5000/v2/team/app/blobs/uploads/?b=2",
        ),
        (
            "#g",
            "https://registry.example.com:5000/v2/team/app/blobs/uploads/?a=1#g",
        ),
        (
            "",
            "https://registry.example.com:5000/v2/team/app/blobs/uploads/?a=1",
        ),
        ("//auth.example.com/token", "https://auth.example.com/token"),
        (
            "\\\\auth.example.com\\token",
            "https://auth.example.com/token",
        ),
        (
            "https:token",
            "https://registry.example.com:5000/v2/team/app/blobs/uploads/token",
        ),
        ("http:auth.example.com/t", "http://auth.example.com/t"),
        (
            "HTTPS://Auth.Example.COM:443/t?scope=repository:a/b:pull",
            "https://auth.example.com/t?scope=repository:a/b:pull",
        ),
        (
            "https://auth.example.com/t/../../x",
            "https://auth.example.com/x",
        ),
        (
            "  https://auth.example.com/\tt\n ",
            "https://auth.example.com/t",
        ),
        (
            "/a b/ü?q'\"#f`",
            "https://registry.example.com:5000/a%20b/%C3%BC?q%27%22#f%60",
        ),
    ] {
        assert_eq!(
            resolve(location, Some(base)).as_deref(),
            Some(want),
            "{location}"
        );
        assert_eq!(
            reference(location, Some(base)).as_deref(),
            Some(want),
            "url crate: {location}"
        );
    }
    // `..` removes any segment in http(s), even one like a drive letter (not in the `url` crate).
    assert_eq!(
        resolve("/a/f:/c\n\nd/../../..", Some(base)).as_deref(),
        Some("https://registry.example.com:5000/")
    );
    // The Standard skips every slash after the first two (where the `url` crate failed).
    assert_eq!(
        resolve("///auth.example.com/token", Some(base)).as_deref(),
        Some("https://auth.example.com/token")
    );
    for bad in [
        "https://",
        "https://:5000/",
        "https://a:65536/",
        "https://a b/",
        "https://[::1/",
        "http://u@/",
    ] {
        assert_eq!(resolve(bad, Some(base)), None, "{bad}");
    }
}

#[test]
fn hosts_in_every_spelling_serialize_as_fetch_sees_them() {
    for (input, want) in [
        ("https://0x7f.1/", "https://127.0.0.1/"),
        ("https://0177.0.0.1./", "https://127.0.0.1/"),
        ("https://2130706433:443/v2/", "https://127.0.0.1/v2/"),
        ("https://[0:0::FFFF:7f00:1]/", "https://[::ffff:7f00:1]/"),
        (
            "https://B%C3%BCcher.example/",
            "https://xn--bcher-kva.example/",
        ),
        (
            "https://bücher.example:8443/",
            "https://xn--bcher-kva.example:8443/",
        ),
        (
            "https://xn--BCHER-kva.example/",
            "https://xn--bcher-kva.example/",
        ),
        ("http://user:p%40ss:x@h/", "http://user:p%40ss%3Ax@h/"),
    ] {
        assert_eq!(resolve(input, None).as_deref(), Some(want), "{input}");
    }
    for bad in [
        "https://xn--a.example/",
        "https://a%2Fb/",
        "https://1.2.3.4.5/",
        "https://0x100000000/",
    ] {
        assert_eq!(resolve(bad, None), None, "{bad}");
    }
}

/// The URL-ish texts the policy fixtures hold, parsed by both: same verdict, same text.
#[test]
fn agrees_with_the_url_crate_on_the_hostile_fixture() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hostile-urls.json"
    ))
    .unwrap();
    let list: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    for e in &list {
        let u = e["url"].as_str().unwrap();
        let want = reference(u, None).filter(|s| s.starts_with("http"));
        let got = resolve(u, None).filter(|s| s.starts_with("http"));
        assert_eq!(got, want, "{u}");
    }
}

fn url_ish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("http://".to_owned()),
        Just("https:".to_owned()),
        Just("//".to_owned()),
        Just("\\".to_owned()),
        Just("/".to_owned()),
        Just("..".to_owned()),
        Just("%2e".to_owned()),
        Just("%".to_owned()),
        Just("@".to_owned()),
        Just(":".to_owned()),
        Just("[::1]".to_owned()),
        Just("0x7f".to_owned()),
        Just("?".to_owned()),
        Just("#".to_owned()),
        Just(".".to_owned()),
        "[a-zA-Z0-9 '\"<>`{}^|\t-]{1,4}",
    ];
    proptest::collection::vec(piece, 0..10).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Any input, absolute or against a registry URL: the same http(s) result as the `url`
    /// crate (both implement the URL Standard; the `url` crate is the parser this replaced),
    /// except where that crate departs from the Standard (see `tests/support/url_departures.rs`).
    #[test]
    fn agrees_with_the_url_crate(input in url_ish()) {
        for base in [None, Some(BASE)] {
            if url_crate_departs(&input, base.is_some()) {
                continue;
            }
            let want = reference(&input, base).filter(|s| s.starts_with("http"));
            let got = resolve(&input, base).filter(|s| s.starts_with("http"));
            prop_assert_eq!(got, want, "{:?} against {:?}", input, base);
        }
    }
}

/// tests/fixtures/crashers/url/: inputs the `url` fuzz target stopped on (a first byte selects
/// the base, as there). They parse without panicking, agree with the `url` crate where it follows
/// the Standard, and the one where it does not resolves as browsers resolve it.
#[test]
fn crashers_stay_fixed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/crashers/url");
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let Some((selector, rest)) = bytes.split_first() else {
            continue;
        };
        let Ok(input) = std::str::from_utf8(rest) else {
            continue;
        };
        let base = (selector & 1 == 1).then_some(BASE);
        let got = resolve(input, base);
        if !url_crate_departs(input, base.is_some()) {
            assert_eq!(got, reference(input, base), "{input:?}");
        }
    }
    let drive_letter = "/A:w.e\n\n\np/f:/c\n\n\n\n\n\n\n\n\n\ne.cool/../../..";
    assert_eq!(
        resolve(drive_letter, Some(BASE)).as_deref(),
        Some("https://registry.example.com:5000/")
    );
}
