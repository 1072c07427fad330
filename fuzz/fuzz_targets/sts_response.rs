//! STS `AssumeRole` answers: any body under any status parses without panicking, errors carry
//! an `sts.*` code and none of the body's text, and the role's secrets never reach `Debug`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regcred::verify::http::Response;
use regcred::verify::sts::parse_assume_role_response;

fuzz_target!(|data: &[u8]| {
    for status in [200u16, 403, 400, 503] {
        let response = Response::new(status, &[("content-type", "text/xml")]).with_body(data.to_vec());
        match parse_assume_role_response(&response) {
            Ok(session) => {
                assert_eq!(status, 200, "role credentials only from a success");
                let creds = &session.credentials;
                assert!(!creds.access_key_id.is_empty() && !creds.secret_access_key.is_empty());
                // Debug must not depend on the secrets: swap them and compare.
                let mut other = session.clone();
                other.credentials.secret_access_key = "x".repeat(creds.secret_access_key.expose().len() + 1).into();
                other.credentials.session_token = Some("y".into());
                assert_eq!(format!("{session:?}"), format!("{other:?}"), "Debug shows a role secret");
            }
            Err(e) => {
                assert!(e.code.as_str().starts_with("sts."), "{}", e.code);
                assert!(e.message.is_ascii() && !e.message.contains('<'), "{}", e.message);
            }
        }
    }
});
