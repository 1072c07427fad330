//! The access check (login with a repository scope, manifest, push claim, write probe) fed
//! arbitrary responses: it never panics and always finishes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regcred::time::Timestamp;
use regcred::verify::access::{verify_access, AccessRequest};
use regcred::verify::http::{Response, Transport};
use regcred::verify::login::LoginOptions;
use regcred::verify::outcome::{Exchange, Step};

fn config() -> regcred::RegistryConfig {
    serde_json::from_value(serde_json::json!({
        "name": "fuzz-reg", "registryType": "other", "registryUrl": "registry.example.com",
        "username": "user", "password": "secret"
    }))
    .unwrap_or_else(|_| unreachable!())
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, data)) = data.split_first() else { return };
    let actions = match mode % 3 {
        0 => vec![],
        1 => vec!["push".to_owned()],
        _ => vec!["pull".to_owned(), "push".to_owned()],
    };
    let request = AccessRequest { repository: "team/app:1".to_owned(), actions, probe_write: mode & 4 != 0 };
    let options = LoginOptions { now: Timestamp(1_795_732_860), allow_private_networks: false };
    let Ok(mut m) = verify_access(&config(), options, &request) else { return };
    let mut chunks = data.split(|&b| b == 0xFE);
    for _ in 0..32 {
        if let Step::Done(_) = m.next() {
            return;
        }
        let Some(chunk) = chunks.next() else { return };
        let Some((&code, rest)) = chunk.split_first() else {
            m.fail(Transport::Unreachable);
            continue;
        };
        let status = [200u16, 202, 401, 403, 404, 301, 307, 400, 500, 0][usize::from(code) % 10];
        let mut parts = rest.splitn(3, |&b| b == 0xFF);
        let challenge = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
        let location = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
        let body = parts.next().unwrap_or_default().to_vec();
        m.receive(
            Response::new(
                status,
                &[
                    ("www-authenticate", challenge.as_str()),
                    ("location", location.as_str()),
                    ("docker-distribution-api-version", "registry/2.0"),
                ],
            )
            .with_body(body),
        );
    }
    assert!(matches!(m.next(), Step::Done(_) | Step::Send(_)));
});
