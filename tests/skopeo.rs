//! A real client uses what regcred generates: skopeo, given our docker `config.json` (and the
//! `.dockerconfigjson` of our pull secret) as `--authfile`, pushes to and lists the tags of a real
//! Distribution registry with htpasswd auth, and fails with wrong credentials.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::path::Path;
use std::process::{Command, Output};

use regcred::{
    docker_config_file, pull_secret, DockerConfigFileOptions, DockerEntry, PullSecretOptions,
};
use support::registry::{temp_dir, Registry, RegistryOptions};

const USER: &str = "puller";
const PASSWORD: &str = "s3cret:with<&>colon";

fn skopeo(home: &Path, args: &[&str]) -> Output {
    Command::new("skopeo")
        .args(args)
        .env("HOME", home)
        .env("XDG_RUNTIME_DIR", home)
        .env_remove("REGISTRY_AUTH_FILE")
        .output()
        .unwrap_or_else(|e| panic!("skopeo must be installed (make setup-test installs it): {e}"))
}

fn entry(server: &str, password: &str) -> DockerEntry {
    DockerEntry {
        server: server.into(),
        username: USER.into(),
        password: password.into(),
        email: None,
    }
}

fn config_json(server: &str, password: &str) -> String {
    docker_config_file(
        &[entry(server, password)],
        &DockerConfigFileOptions::default(),
    )
    .unwrap()
}

#[test]
fn skopeo_accepts_our_config_json_and_pull_secret() {
    let reg = Registry::start(RegistryOptions::htpasswd(&[(USER, PASSWORD)]));
    let work = temp_dir("skopeo");
    let layout = work.join("layout");
    support::oci::write_layout(&layout, "v1");
    let repo = format!("docker://{}/demo/app", reg.host());

    let good = work.join("config.json");
    std::fs::write(&good, config_json(&reg.host(), PASSWORD)).unwrap();
    let push = skopeo(
        &work,
        &[
            "copy",
            "--insecure-policy",
            "--dest-tls-verify=false",
            "--dest-authfile",
            good.to_str().unwrap(),
            &format!("oci:{}:v1", layout.display()),
            &format!("{repo}:v1"),
        ],
    );
    assert!(
        push.status.success(),
        "push failed: {}\n{}",
        String::from_utf8_lossy(&push.stderr),
        reg.log()
    );

    let list = |authfile: &Path| {
        skopeo(
            &work,
            &[
                "list-tags",
                "--tls-verify=false",
                "--authfile",
                authfile.to_str().unwrap(),
                &repo,
            ],
        )
    };
    let out = list(&good);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tags: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(tags["Tags"], serde_json::json!(["v1"]));

    // The .dockerconfigjson inside our pull secret works as an auth file too.
    let secret = pull_secret(
        &[entry(&reg.host(), PASSWORD)],
        &PullSecretOptions {
            name: "pull".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let from_secret = work.join("dockerconfigjson");
    std::fs::write(&from_secret, secret.docker_config_json.expose()).unwrap();
    let out = list(&from_secret);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Wrong password: refused.
    let bad = work.join("bad.json");
    std::fs::write(&bad, config_json(&reg.host(), "wrong-password")).unwrap();
    let out = list(&bad);
    assert!(!out.status.success(), "wrong credentials were accepted");
    let err = String::from_utf8_lossy(&out.stderr).to_lowercase();
    assert!(
        err.contains("unauthorized") || err.contains("authentication"),
        "{err}"
    );

    std::fs::remove_dir_all(&work).unwrap();
}
