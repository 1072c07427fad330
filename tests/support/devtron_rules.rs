//! The platform's request validation, ported for tests: what devtron-labs/devtron does with a
//! registry payload before it stores it (commit c6520431f41237566bec9402281ea79c895a2488).
//!
//! 1. `json.NewDecoder(r.Body).Decode(&bean)` into `DockerArtifactStoreBean`
//!    (`pkg/pipeline/types/DockerRegistry.go` 23-53): a known key with the wrong JSON type fails
//!    the request (`null` is the zero value; unknown keys are ignored).
//! 2. `ValidateDockerArtifactStoreRequestBean` (`api/restHandler/DockerRegRestHandler.go`
//!    119-193), called by `SaveDockerRegistryConfig` (line 210) and `UpdateDockerRegistryConfig`
//!    (line 512); `base_stack` is `util2.IsBaseStack()` (EA mode, lines 121-148).
//! 3. `impl.validator.Struct(bean)` (lines 219 and 519): the `validate` tags of the bean —
//!    `id`, `pluginId`, `registryUrl`, `registryType` `required`; `ipsConfig.credentialType`
//!    `oneof=SAME_AS_REGISTRY NAME CUSTOM_CREDENTIAL` (no `omitempty`: `""` fails).
//!
//! Each rule returns the platform's own message, so a failing test shows which line refused.

use serde_json::{Map, Value};

#[derive(Clone, Copy)]
enum Go {
    Str,
    Bool,
    Int,
    StrMap,
    StrList,
    Any,
    Object,
}

/// `DockerArtifactStoreBean`'s JSON keys and Go types (DockerRegistry.go 24-43).
const BEAN: &[(&str, Go)] = &[
    ("id", Go::Str),
    ("pluginId", Go::Str),
    ("registryUrl", Go::Str),
    ("registryType", Go::Str),
    ("isOCICompliantRegistry", Go::Bool),
    ("ociRegistryConfig", Go::StrMap),
    ("isPublic", Go::Bool),
    ("repositoryList", Go::StrList),
    ("awsAccessKeyId", Go::Str),
    ("awsSecretAccessKey", Go::Str),
    ("awsRegion", Go::Str),
    ("username", Go::Str),
    ("password", Go::Str),
    ("isDefault", Go::Bool),
    ("connection", Go::Str),
    ("cert", Go::Str),
    ("active", Go::Bool),
    ("disabledFields", Go::StrList),
    ("ipsConfig", Go::Object),
    // The enterprise build's fields the dashboard sends (Docker.tsx 786-860); decoded there.
    ("assumeRoleArn", Go::Str),
    ("registryCredentialsType", Go::Str),
    ("remoteConnectionConfig", Go::Any),
];

/// `DockerRegistryIpsConfigBean` (DockerRegistry.go 46-53).
const IPS: &[(&str, Go)] = &[
    ("id", Go::Int),
    ("credentialType", Go::Str),
    ("credentialValue", Go::Str),
    ("appliedClusterIdsCsv", Go::Str),
    ("ignoredClusterIdsCsv", Go::Str),
    ("active", Go::Bool),
];

fn decodes(v: &Value, t: Go) -> bool {
    match (t, v) {
        (_, Value::Null) | (Go::Any, _) => true,
        (Go::Str, Value::String(_))
        | (Go::Bool, Value::Bool(_))
        | (Go::Object, Value::Object(_)) => true,
        (Go::Int, Value::Number(n)) => n.is_i64(),
        (Go::StrMap, Value::Object(m)) => m.values().all(|x| x.is_string() || x.is_null()),
        (Go::StrList, Value::Array(a)) => a.iter().all(|x| x.is_string() || x.is_null()),
        _ => false,
    }
}

fn decode(obj: &Map<String, Value>, fields: &[(&str, Go)], at: &str) -> Result<(), String> {
    for (key, t) in fields {
        if let Some(v) = obj.get(*key) {
            if !decodes(v, *t) {
                return Err(format!(
                    "json: cannot unmarshal into Go struct field {at}{key}"
                ));
            }
        }
    }
    Ok(())
}

fn text<'a>(obj: &'a Map<String, Value>, key: &str) -> &'a str {
    obj.get(key).and_then(Value::as_str).unwrap_or("")
}

fn flag(obj: &Map<String, Value>, key: &str) -> bool {
    obj.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// `Ok` when the platform accepts `payload` for save/update, its error text otherwise.
pub fn validate_request(payload: &Value, base_stack: bool) -> Result<(), String> {
    let bean = payload
        .as_object()
        .ok_or("json: cannot unmarshal into DockerArtifactStoreBean")?;
    decode(bean, BEAN, "")?;
    let mut ips = match bean.get("ipsConfig") {
        Some(Value::Object(o)) => {
            decode(o, IPS, "ipsConfig.")?;
            Some(o)
        }
        _ => None,
    };
    let oci: Option<&Map<String, Value>> = bean.get("ociRegistryConfig").and_then(Value::as_object);
    let is_oci = flag(bean, "isOCICompliantRegistry");
    let is_public = flag(bean, "isPublic");
    // DockerRegRestHandler.go 121-148 (EA mode).
    if base_stack {
        ips = None;
        if text(bean, "registryType") == "gcr" {
            return Err("Invalid payload! 'GCR' is not supported as an OCI registry.".into());
        }
        if !is_oci {
            return Err("Invalid payload! 'isOCICompliantRegistry' is required.".into());
        }
        let Some(oci) = oci else {
            return Err("Invalid payload! 'ociRegistryConfig' is required.".into());
        };
        if oci.contains_key("CONTAINER") {
            return Err(
                "Invalid payload! 'ociRegistryConfig' has invalid field 'CONTAINER'.".into(),
            );
        }
        if oci.contains_key("CHART") && text(oci, "CHART") != "PULL" {
            return Err("Invalid payload! 'ociRegistryConfig[CHART]' has invalid value.".into());
        }
    }
    // 150-153.
    let connection = text(bean, "connection");
    let cert = text(bean, "cert");
    if (connection == "secure-with-cert" && cert.is_empty())
        || (connection != "secure-with-cert" && !cert.is_empty())
    {
        return Err(format!(
            "Invalid payload! invalid value of 'cert' for the 'connection' type '{connection}'."
        ));
    }
    // 155-190.
    if is_oci {
        let Some(oci) = oci else {
            return Err("Invalid payload! 'ociRegistryConfig' is required".into());
        };
        let container = oci.get("CONTAINER").map(|_| text(oci, "CONTAINER"));
        if matches!(container, Some(c) if c != "PULL/PUSH") && ips.is_none() {
            return Err(
                "Invalid payload! 'ociRegistryConfig[CONTAINER]' has invalid value.".into(),
            );
        }
        let chart = oci.get("CHART").map(|_| text(oci, "CHART"));
        if matches!(chart, Some("PULL/PUSH" | "PULL")) {
            let list = bean.get("repositoryList").and_then(Value::as_array);
            let bad = match list {
                None => true,
                Some(l) => l.is_empty() || l.iter().any(|r| r.as_str().unwrap_or("").is_empty()),
            };
            if bad {
                return Err(
                    "Invalid payload! invalid value for the required field 'repositoryList'."
                        .into(),
                );
            }
        }
        if !is_public && container.is_some() && ips.is_none() {
            return Err("Invalid payload! 'ipsConfig' is required.".into());
        }
    } else if oci.is_some() {
        return Err("Invalid payload! 'ociRegistryConfig' should be empty.".into());
    } else if is_public {
        return Err("Invalid payload! 'isPublic' should be FALSE.".into());
    } else if ips.is_none() && !base_stack {
        return Err("Invalid payload! 'ipsConfig' is required.".into());
    }
    // validator.Struct (219, 519).
    for key in ["id", "pluginId", "registryUrl", "registryType"] {
        if text(bean, key).is_empty() {
            return Err(format!("Key: 'DockerArtifactStoreBean.{key}' Error:Field validation for '{key}' failed on the 'required' tag"));
        }
    }
    if let Some(Value::Object(o)) = bean.get("ipsConfig") {
        let t = text(o, "credentialType");
        if !["SAME_AS_REGISTRY", "NAME", "CUSTOM_CREDENTIAL"].contains(&t) {
            return Err("Key: 'DockerRegistryIpsConfigBean.CredentialType' Error:Field validation for 'CredentialType' failed on the 'oneof' tag".into());
        }
    }
    Ok(())
}
