//! The login state machine fed arbitrary responses (statuses, `WWW-Authenticate` challenges,
//! `Location` redirects, token-endpoint bodies): it never panics and always finishes.
#![no_main]

#[path = "common/exchange.rs"]
mod exchange;

use libfuzzer_sys::fuzz_target;
use regcred::verify::login::Login;

fuzz_target!(|data: &[u8]| {
    let Ok(mut login) = Login::from_config(&exchange::config(), exchange::options()) else { return };
    exchange::feed(&mut login, data, &[200, 401, 301, 302, 307, 404, 400, 405, 500, 0]);
});
