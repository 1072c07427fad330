//! The login state machine fed arbitrary responses (statuses, `WWW-Authenticate` challenges,
//! `Location` redirects, token-endpoint bodies): it never panics and always finishes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regcred::time::Timestamp;
use regcred::verify::http::Response;
use regcred::verify::login::{Login, LoginOptions};
use regcred::verify::outcome::{Exchange, Step};

fn config() -> regcred::RegistryConfig {
    serde_json::from_value(serde_json::json!({
        "name": "fuzz-reg", "registryType": "other", "registryUrl": "registry.example.com",
        "username": "user", "password": "secret"
    }))
    .unwrap_or_else(|_| unreachable!())
}

fuzz_target!(|data: &[u8]| {
    let options = LoginOptions { now: Timestamp(1_795_732_860), allow_private_networks: false };
    let Ok(mut login) = Login::from_config(&config(), options) else { return };
    // Each response: status byte, then header value and body separated by 0xFF.
    let mut chunks = data.split(|&b| b == 0xFE);
    for _ in 0..32 {
        match login.next() {
            Step::Done(_) => return,
            Step::Send(_) => {}
        }
        let Some(chunk) = chunks.next() else { return };
        let Some((&code, rest)) = chunk.split_first() else {
            login.fail(regcred::verify::http::Transport::Unreachable);
            continue;
        };
        let status = [200u16, 401, 301, 302, 307, 404, 400, 405, 500, 0][usize::from(code) % 10];
        let mut parts = rest.splitn(3, |&b| b == 0xFF);
        let challenge = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
        let location = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
        let body = parts.next().unwrap_or_default().to_vec();
        let response = Response::new(
            status,
            &[
                ("www-authenticate", challenge.as_str()),
                ("location", location.as_str()),
                ("docker-distribution-api-version", "registry/2.0"),
                ("content-type", "application/json"),
            ],
        )
        .with_body(body);
        login.receive(response);
    }
});
