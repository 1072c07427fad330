//! ECR `GetAuthorizationToken` responses: any status and body parse without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regcred::verify::http::Response;

fuzz_target!(|data: &[u8]| {
    let Some((&code, body)) = data.split_first() else { return };
    let status = [200u16, 400, 403, 500][usize::from(code) % 4];
    let response = Response::new(status, &[("x-amzn-errortype", "ExpiredTokenException")]).with_body(body.to_vec());
    let _ = regcred::verify::ecr::parse_authorization_response(&response);
});
