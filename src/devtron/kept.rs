//! The `config.keep-stored` warnings of a payload read back: the secrets the platform's GET
//! answers blank (`password`, `awsSecretAccessKey`, the SSH tunnel's secrets, a custom
//! credential's password), which the configuration leaves out so that an update keeps them.

use crate::json::{Map, Value};

use crate::catalog::RegistryType;
use crate::config::{AwsAuthType, ConnectionMethod, CredentialSource, RegistryConfig};
use crate::report::Issue;
use crate::ErrorCode;

/// The `config.keep-stored` warning for a secret the payload leaves blank, as the platform's
/// GET does: the configuration leaves it out, and its update keeps the stored one.
fn kept(path: &str) -> Issue {
    Issue::new(
        path,
        ErrorCode::ConfigKeepStored,
        "blank, as the platform's GET answers: validate with mode \"update\" to keep the stored secret",
    )
}

/// The `config.keep-stored` warnings of a configuration read from `obj`: each secret it needs
/// that the payload left blank or out.
pub(super) fn kept_secrets(obj: &Map<String, Value>, config: &RegistryConfig) -> Vec<Issue> {
    let mut out = Vec::new();
    let ecr = config.registry_type == RegistryType::Ecr;
    if !config.public && !ecr && config.password.is_none() {
        out.push(kept("/password"));
    }
    if config.aws_auth_type == Some(AwsAuthType::UserAuth) && config.aws_secret_access_key.is_none()
    {
        out.push(kept("/awsSecretAccessKey"));
    }
    if let Some(rc) = config.remote_connection.as_ref() {
        let ssh = rc.method == ConnectionMethod::Ssh;
        let neither = rc.ssh_password.is_none() && rc.ssh_auth_key.is_none();
        let ssh_config = obj
            .get("remoteConnectionConfig")
            .and_then(|r| r.get("sshConfig"));
        for (key, path) in [
            (
                "sshPassword",
                "/remoteConnectionConfig/sshConfig/sshPassword",
            ),
            ("sshAuthKey", "/remoteConnectionConfig/sshConfig/sshAuthKey"),
        ] {
            let v = ssh_config.and_then(|s| s.get(key)).and_then(Value::as_str);
            if ssh && (v == Some("") || (neither && v.is_none())) {
                out.push(kept(path));
            }
        }
    }
    let custom = config.injection.as_ref().filter(|i| {
        i.credential_source == CredentialSource::CustomCredential && i.custom_password.is_none()
    });
    if custom.is_some() {
        out.push(kept("/ipsConfig/credentialValue"));
    }
    out
}
