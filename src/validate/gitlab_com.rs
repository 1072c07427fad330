//! GitLab.com is always secure: its registry is reached over TLS with a public certificate,
//! directly. Connection options (insecure, a private CA's certificate, a proxy or an SSH
//! tunnel) belong to a self-managed GitLab only; the GitLab form shows them only for another
//! host (`src/model/types.rs`), and validation refuses them for GitLab.com.

use crate::json::{Map, Value};

use super::json_walk::Walker;
use crate::model::fields::GITLAB_COM;
use crate::ErrorCode;

/// Whether a normalized registry URL (`host[:port][/path]`) is GitLab.com's registry (on any
/// port or path).
pub fn is_gitlab_com(url: &str) -> bool {
    let authority = crate::substring::split_byte(url, b'/')
        .next()
        .unwrap_or(url);
    let host = crate::substring::split_byte(authority, b':')
        .next()
        .unwrap_or(authority);
    host.eq_ignore_ascii_case(GITLAB_COM)
}

/// Refuses the connection options of `config` (the configuration as given, before the form's
/// hidden fields are left out) for GitLab.com. Errors `gitlab.com-connection` at `/connection`
/// (other than `secure`), `/cert` (a certificate) and `/remoteConnection` (a proxy or an SSH
/// tunnel). They replace the `config.ignored` warnings of those fields, which a GitLab.com
/// configuration that states the defaults (`secure`, `direct`) does not get either.
pub(super) fn check_gitlab_com(w: &mut Walker, config: &Map<String, Value>) {
    let text = |key: &str| config.get(key).and_then(Value::as_str).unwrap_or("");
    let method = config
        .get("remoteConnection")
        .and_then(|r| r.get("method"))
        .and_then(Value::as_str)
        .unwrap_or("direct");
    let refused = [
        ("/connection", !matches!(text("connection"), "" | "secure")),
        ("/cert", !text("cert").trim().is_empty()),
        ("/remoteConnection", method != "direct"),
    ];
    for (path, wrong) in refused {
        w.warnings
            .retain(|i| !(i.path == path && i.code == ErrorCode::ConfigIgnored.as_str()));
        if !wrong {
            continue;
        }
        w.error(
            path,
            ErrorCode::GitlabComConnection,
            "GitLab.com is always reached securely and directly; connection options are for a \
             self-managed GitLab",
        );
    }
}
