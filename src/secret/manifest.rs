//! The `kubernetes.io/dockerconfigjson` Secret, as `kubectl create secret docker-registry
//! --dry-run=client -o json|yaml` prints it, plus what kubectl cannot do: several registries in
//! one secret, labels and annotations.
//!
//! JSON: kubectl's printer layout (`json.MarshalIndent` with four spaces and a final newline),
//! keys in the order of the Go types (`kind`, `apiVersion`, `metadata{name, namespace,
//! creationTimestamp: null, labels, annotations}`, `data`, `type`). YAML: kubectl's key order
//! (alphabetical) with every string double-quoted (see [`super::yaml`]).
//!
//! `append_hash` reproduces kubectl's `--append-hash` (k8s.io/kubectl/pkg/util/hash
//! `SecretHash`): SHA-256 of the compact JSON `{"data":{...},"kind":"Secret","name":...,
//! "type":...}` (data values base64), first ten hex digits with `0→g 1→h 3→k a→m e→t`, appended as
//! `-<hash>`.

use std::fmt::Write as _;

use crate::json::ToJson;

use super::dockerconfig::{docker_config_json, DockerEntry};
use super::error::{pointer_segment, SecretError};
use super::k8s_names;
use super::{go_json, yaml};
use crate::json::Map;
use crate::secret_string::SecretString;

/// The Secret type of image-pull secrets.
pub const DOCKER_CONFIG_JSON_TYPE: &str = "kubernetes.io/dockerconfigjson";
/// The data key of image-pull secrets.
pub const DOCKER_CONFIG_JSON_KEY: &str = ".dockerconfigjson";

/// The text form of a manifest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ManifestFormat {
    /// kubectl's `-o json` layout.
    #[default]
    Json,
    /// YAML with every string double-quoted.
    Yaml,
}

/// How to build a pull secret: kubectl's flags plus metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PullSecretOptions {
    /// The secret's name (a DNS-1123 subdomain).
    pub name: String,
    /// The namespace (a DNS-1123 label); omitted from the manifest when `None`, as kubectl does
    /// without `-n`.
    pub namespace: Option<String>,
    /// Labels (qualified-name keys, label-syntax values).
    pub labels: Map<String, String>,
    /// Annotations (qualified-name keys, any values).
    pub annotations: Map<String, String>,
    /// kubectl's `--append-hash`: suffix the name with a hash of the content.
    pub append_hash: bool,
    /// Go's HTML-safe escapes, for bytes identical to kubectl's.
    pub go_escaping: bool,
}

/// A generated image-pull secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PullSecret {
    /// The final name (with the hash suffix when asked).
    pub name: String,
    /// The namespace, if any.
    pub namespace: Option<String>,
    /// Labels.
    pub labels: Map<String, String>,
    /// Annotations.
    pub annotations: Map<String, String>,
    /// The `.dockerconfigjson` document (secret).
    pub docker_config_json: SecretString,
    go_escaping: bool,
}

struct Metadata<'a> {
    name: &'a str,
    namespace: Option<&'a str>,
    labels: &'a Map<String, String>,
    annotations: &'a Map<String, String>,
}

impl ToJson for Metadata<'_> {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("name", self.name)
            .some("namespace", &self.namespace)
            .field("creationTimestamp", &())
            .when(!self.labels.is_empty(), "labels", self.labels)
            .when(
                !self.annotations.is_empty(),
                "annotations",
                self.annotations,
            )
            .end();
    }
}

struct Wire<'a> {
    kind: &'static str,
    api_version: &'static str,
    metadata: Metadata<'a>,
    data: SecretData<String>,
    kind_of_secret: &'static str,
}

impl ToJson for Wire<'_> {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field("kind", self.kind)
            .field("apiVersion", self.api_version)
            .field("metadata", &self.metadata)
            .field("data", &self.data)
            .field("type", self.kind_of_secret)
            .end();
    }
}

/// A Secret's `data` with its one key, `.dockerconfigjson` ([`DOCKER_CONFIG_JSON_KEY`]): a struct
/// rather than a one-entry map.
struct SecretData<T> {
    docker_config_json: T,
}

impl<T: ToJson> ToJson for SecretData<T> {
    fn write_json(&self, out: &mut String) {
        crate::json::object(out)
            .field(DOCKER_CONFIG_JSON_KEY, &self.docker_config_json)
            .end();
    }
}

/// kubectl's `SecretHash` of a dockerconfigjson secret (ten characters).
pub fn secret_hash(name: &str, data_base64: &str) -> String {
    struct Hashed<'a> {
        data: SecretData<&'a str>,
        kind: &'static str,
        name: &'a str,
        kind_of_secret: &'static str,
    }
    impl ToJson for Hashed<'_> {
        fn write_json(&self, out: &mut String) {
            crate::json::object(out)
                .field("data", &self.data)
                .field("kind", self.kind)
                .field("name", self.name)
                .field("type", self.kind_of_secret)
                .end();
        }
    }
    let encoded = go_json::compact(
        &Hashed {
            data: SecretData {
                docker_config_json: data_base64,
            },
            kind: "Secret",
            name,
            kind_of_secret: DOCKER_CONFIG_JSON_TYPE,
        },
        true,
    );
    let digest = crate::sha256::sha256(encoded.as_bytes());
    let mut hex = String::new();
    for b in digest.iter().take(5) {
        let _ = write!(hex, "{b:02x}");
    }
    hex.chars()
        .map(|c| match c {
            '0' => 'g',
            '1' => 'h',
            '3' => 'k',
            'a' => 'm',
            'e' => 't',
            c => c,
        })
        .collect()
}

fn check_options(o: &PullSecretOptions) -> Vec<SecretError> {
    let mut errors = Vec::new();
    let max = if o.append_hash { 253 - 11 } else { 253 };
    if !k8s_names::is_dns1123_subdomain(&o.name, max) {
        errors.push(SecretError::Name {
            path: "/name".into(),
            max,
        });
    }
    if let Some(ns) = &o.namespace {
        if !k8s_names::is_dns1123_label(ns) {
            errors.push(SecretError::Namespace {
                path: "/namespace".into(),
            });
        }
    }
    for (k, v) in o.labels.iter() {
        let path = format!("/labels/{}", pointer_segment(k));
        if !k8s_names::is_qualified_name(k) {
            errors.push(SecretError::MetadataKey { path });
        } else if !k8s_names::is_label_value(v) {
            errors.push(SecretError::LabelValue { path });
        }
    }
    for k in o.annotations.keys() {
        if !k8s_names::is_qualified_name(k) {
            errors.push(SecretError::MetadataKey {
                path: format!("/annotations/{}", pointer_segment(k)),
            });
        }
    }
    errors
}

/// Builds the image-pull secret for `entries` (one or several registries).
///
/// # Errors
/// Every problem at once ([`SecretError::Several`] when more than one):
/// - `secret.name` when the name is not a DNS-1123 subdomain of at most 253 characters (242 with
///   `append_hash`, leaving room for the suffix); `secret.namespace` when the namespace is not a
///   DNS-1123 label; `secret.metadata-key` / `secret.label-value` for bad labels and annotation
///   keys (paths `/name`, `/namespace`, `/labels/<key>`, `/annotations/<key>`);
/// - the errors of [`docker_config_json`], with paths `/registries/<index>/<field>`.
pub fn pull_secret(
    entries: &[DockerEntry],
    options: &PullSecretOptions,
) -> Result<PullSecret, SecretError> {
    let mut errors = check_options(options);
    let doc = docker_config_json(entries, options.go_escaping)
        .map_err(|e| errors.push(e.under("/registries")))
        .ok();
    if let Some(e) = SecretError::collect(errors) {
        return Err(e);
    }
    let docker_config_json = doc.unwrap_or_default();
    let mut name = options.name.clone();
    if options.append_hash {
        let data = crate::base64_codec::encode(&docker_config_json);
        name = format!("{name}-{}", secret_hash(&name, &data));
    }
    Ok(PullSecret {
        name,
        namespace: options.namespace.clone(),
        labels: options.labels.clone(),
        annotations: options.annotations.clone(),
        docker_config_json: docker_config_json.into(),
        go_escaping: options.go_escaping,
    })
}

impl PullSecret {
    /// The `.dockerconfigjson` value as stored in `data` (standard base64).
    pub fn data_base64(&self) -> String {
        crate::base64_codec::encode(self.docker_config_json.expose())
    }

    /// The manifest in the given format.
    pub fn render(&self, format: ManifestFormat) -> String {
        match format {
            ManifestFormat::Json => self.to_json(),
            ManifestFormat::Yaml => self.to_yaml(),
        }
    }

    /// kubectl's `-o json` text: four-space indentation, final newline; with `go_escaping`, Go's
    /// escapes in metadata strings too.
    pub fn to_json(&self) -> String {
        let wire = Wire {
            kind: "Secret",
            api_version: "v1",
            metadata: Metadata {
                name: &self.name,
                namespace: self.namespace.as_deref(),
                labels: &self.labels,
                annotations: &self.annotations,
            },
            data: SecretData {
                docker_config_json: self.data_base64(),
            },
            kind_of_secret: DOCKER_CONFIG_JSON_TYPE,
        };
        let mut text = go_json::indented(&wire, b"    ", self.go_escaping);
        text.push('\n');
        text
    }

    /// YAML in kubectl's key order, every string double-quoted; reads back (with any YAML 1.2
    /// parser) to the same object as [`PullSecret::to_json`].
    pub fn to_yaml(&self) -> String {
        let q = yaml::quoted;
        let mut out = String::new();
        let _ = writeln!(out, "apiVersion: {}", q("v1"));
        let _ = writeln!(out, "data:");
        let _ = writeln!(
            out,
            "  {}: {}",
            q(DOCKER_CONFIG_JSON_KEY),
            q(&self.data_base64())
        );
        let _ = writeln!(out, "kind: {}", q("Secret"));
        let _ = writeln!(out, "metadata:");
        if !self.annotations.is_empty() {
            let _ = writeln!(out, "  annotations:");
            yaml::string_map(&mut out, 4, self.annotations.iter());
        }
        let _ = writeln!(out, "  creationTimestamp: null");
        if !self.labels.is_empty() {
            let _ = writeln!(out, "  labels:");
            yaml::string_map(&mut out, 4, self.labels.iter());
        }
        let _ = writeln!(out, "  name: {}", q(&self.name));
        if let Some(ns) = &self.namespace {
            let _ = writeln!(out, "  namespace: {}", q(ns));
        }
        let _ = writeln!(out, "type: {}", q(DOCKER_CONFIG_JSON_TYPE));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kubectl_append_hash_example() {
        // kubectl create secret docker-registry my-sec --docker-username=u --docker-password=p
        //   --dry-run=client -o json --append-hash  →  my-sec-b2bmm686mg
        let entries = [DockerEntry {
            server: crate::DOCKER_HUB_SERVER.into(),
            username: "u".into(),
            password: "p".into(),
            email: None,
        }];
        let s = pull_secret(
            &entries,
            &PullSecretOptions {
                name: "my-sec".into(),
                append_hash: true,
                go_escaping: true,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(s.name, "my-sec-b2bmm686mg");
        assert_eq!(
            s.to_json(),
            "{\n    \"kind\": \"Secret\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"my-sec-b2bmm686mg\",\n        \"creationTimestamp\": null\n    },\n    \"data\": {\n        \".dockerconfigjson\": \"eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJ1IiwicGFzc3dvcmQiOiJwIiwiYXV0aCI6ImRUcHcifX19\"\n    },\n    \"type\": \"kubernetes.io/dockerconfigjson\"\n}\n"
        );
    }
}
