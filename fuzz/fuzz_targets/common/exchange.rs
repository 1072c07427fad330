//! What the exchange targets (`login_exchange`, `access_exchange`) share: the configuration,
//! the options, and feeding a machine responses cut from the fuzzer's bytes.

use regcred::time::Timestamp;
use regcred::verify::http::{Response, Transport};
use regcred::verify::login::LoginOptions;
use regcred::verify::outcome::{Exchange, Step};

/// A registry with a username and password.
pub fn config() -> regcred::RegistryConfig {
    serde_json::from_value(serde_json::json!({
        "name": "fuzz-reg", "registryType": "other", "registryUrl": "registry.example.com",
        "username": "user", "password": "secret"
    }))
    .unwrap_or_else(|_| unreachable!())
}

/// A fixed clock, public networks only.
pub fn options() -> LoginOptions {
    LoginOptions { now: Timestamp(1_795_732_860), allow_private_networks: false }
}

/// Answers at most 32 requests of `m` from `data`: responses separated by 0xFE, each a status
/// byte (an index into `statuses`), then the `WWW-Authenticate` value, the `Location` value and
/// the body separated by 0xFF; an empty response is a transport failure.
pub fn feed<E: Exchange>(m: &mut E, data: &[u8], statuses: &[u16; 10]) {
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
        let status = statuses[usize::from(code) % 10];
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
                    ("content-type", "application/json"),
                ],
            )
            .with_body(body),
        );
    }
}
