//! Driving the sans-IO verification machines with scripted answers: the fixed clock, the
//! registry headers, configurations, and the two drivers (a list of answers, or a server
//! function), shared by the `tests/verify_*.rs` files.

use regcred::time::Timestamp;
use regcred::verify::login::LoginOptions;
use regcred::verify::outcome::{Exchange, Step};
use regcred::verify::{Request, Response, Transport};
use regcred::RegistryConfig;
use serde_json::Value;

/// The clock of every scripted exchange.
pub const NOW: Timestamp = Timestamp(1_795_732_860);

/// The header a Distribution registry sends on `/v2/`.
pub const API: (&str, &str) = ("Docker-Distribution-API-Version", "registry/2.0");
/// A Basic challenge.
pub const BASIC: (&str, &str) = ("WWW-Authenticate", "Basic realm=\"Registry Realm\"");
/// A Bearer challenge naming the token service `auth.example.com`.
pub const BEARER: (&str, &str) = (
    "WWW-Authenticate",
    "Bearer realm=\"https://auth.example.com/token\",service=\"reg.example.com\"",
);

/// The login options at [`NOW`]; `private` allows private network addresses.
pub fn options(private: bool) -> LoginOptions {
    LoginOptions {
        now: NOW,
        allow_private_networks: private,
    }
}

/// A configuration of type `other` named `test-reg`, with the members of `fields` set on top
/// (`registryUrl`, `username`, `password`, ...; `null` removes one).
pub fn config(fields: Value) -> RegistryConfig {
    let mut v = serde_json::json!({ "name": "test-reg", "registryType": "other" });
    for (k, x) in fields.as_object().into_iter().flatten() {
        match x {
            Value::Null => {
                v.as_object_mut().map(|o| o.remove(k));
            }
            _ => v[k] = x.clone(),
        }
    }
    serde_json::from_value(v).unwrap()
}

/// An ECR configuration with access keys (AWS's documentation example key).
pub fn ecr_config(session_token: Option<&str>) -> RegistryConfig {
    let mut v = serde_json::json!({
        "name": "ecr-prod", "registryType": "ecr",
        "registryUrl": "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
        "awsAuthType": "user-auth", "awsAccessKeyId": "AKIDEXAMPLE",
        "awsSecretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    });
    if let Some(token) = session_token {
        v["awsSessionToken"] = token.into();
    }
    serde_json::from_value(v).unwrap()
}

/// One scripted answer: a response, or a transport failure.
pub enum Answer {
    /// The server answered.
    R(Response),
    /// The request failed in transport.
    F(Transport),
}

/// Drives `m` through `answers`, one per request, and returns the output and the requests
/// sent. Fails when the machine asks for more requests than there are answers, stops before
/// using them all, or when its `Debug` (at every step) or its output's JSON contains one of
/// `secrets`.
pub fn play<E>(mut m: E, answers: Vec<Answer>, secrets: &[&str]) -> (E::Output, Vec<Request>)
where
    E: Exchange + std::fmt::Debug,
    E::Output: serde::Serialize + std::fmt::Debug,
{
    let clean = |text: &str| secrets.iter().all(|s| !text.contains(s));
    let mut sent = Vec::new();
    let mut answers = answers.into_iter();
    loop {
        assert!(clean(&format!("{m:?}")), "a secret in the machine's Debug");
        match m.next() {
            Step::Send(req) => {
                sent.push(req);
                match answers.next() {
                    Some(Answer::R(resp)) => m.receive(resp),
                    Some(Answer::F(t)) => m.fail(t),
                    None => panic!("unexpected request #{}: {:?}", sent.len(), sent.last()),
                }
            }
            Step::Done(o) => {
                assert!(answers.next().is_none(), "machine stopped early: {o:?}");
                let text = serde_json::to_string(&o).unwrap();
                assert!(clean(&text), "secret in the output: {text}");
                return (o, sent);
            }
        }
    }
}

/// Drives `m` with a server function; returns the output and every request sent.
pub fn drive<E: Exchange>(
    mut m: E,
    server: impl Fn(&Request) -> Response,
) -> (E::Output, Vec<Request>) {
    let mut sent = Vec::new();
    loop {
        match m.next() {
            Step::Send(req) => {
                assert!(sent.len() < 30, "runaway");
                let resp = server(&req);
                sent.push(req);
                m.receive(resp);
            }
            Step::Done(o) => return (o, sent),
        }
    }
}
