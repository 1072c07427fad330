//! Exports: `verifyCredentials` and `ecrAuthorizationToken`, driven by the host's `fetch`.

use js_sys::{Function, Promise, Reflect};
use regcred::ErrorCode;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use crate::args;
use crate::codec::{encode, error, validated_config};
use crate::verify_fetch::drive;
use regcred::json::ToJson;
use regcred::time::Timestamp;
use regcred::verify::ecr::EcrAuthorization;
use regcred::verify::http::{DEFAULT_TIMEOUT_MS, TIMEOUT_MS_RANGE};
use regcred::verify::login::{Login, LoginOptions};
use regcred::verify::role_token::RoleTokenExchange;
use regcred::verify::target::{Auth, Target};

pub(super) struct Options {
    pub(super) fetch: Function,
    pub(super) now: Timestamp,
    pub(super) timeout_ms: f64,
    pub(super) allow_private_networks: bool,
}

pub(super) fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

pub(super) fn options(value: &JsValue) -> Result<Options, JsValue> {
    if args::absent(value) {
        return Err(args::missing("options.fetch"));
    }
    if !value.is_object() {
        return Err(args::wrong_type("options", "an object"));
    }
    let fetch = get(value, "fetch");
    if args::absent(&fetch) {
        return Err(args::missing("options.fetch"));
    }
    let fetch = fetch
        .dyn_into::<Function>()
        .map_err(|_| args::wrong_type("options.fetch", "a function (the host's fetch)"))?;
    let now = args::options(value)?.now()?;
    Ok(Options {
        fetch,
        now,
        timeout_ms: timeout_ms(&get(value, "timeoutMs"))?,
        allow_private_networks: flag(&get(value, "allowPrivateNetworks"), "allowPrivateNetworks")?,
    })
}

/// `options.timeoutMs`: the deadline of the whole call, a number of milliseconds in
/// [`TIMEOUT_MS_RANGE`]; absent means [`DEFAULT_TIMEOUT_MS`]. Not a number is
/// `argument.type`, a number out of range (NaN, infinities, `2**31`, 0, negative) is
/// `argument.timeout`; both messages name the range.
fn timeout_ms(t: &JsValue) -> Result<f64, JsValue> {
    if t.is_undefined() || t.is_null() {
        return Ok(f64::from(DEFAULT_TIMEOUT_MS));
    }
    // Integers in the message: formatting an f64 would link float printing into the module.
    let (min, max) = (*TIMEOUT_MS_RANGE.start(), *TIMEOUT_MS_RANGE.end());
    let wrong = |code| {
        let message =
            format!("options.timeoutMs must be a number of milliseconds from {min} to {max}");
        error(code, &message)
    };
    let v = t.as_f64().ok_or_else(|| wrong(ErrorCode::ArgumentType))?;
    if (f64::from(min)..=f64::from(max)).contains(&v) {
        Ok(v)
    } else {
        Err(wrong(ErrorCode::ArgumentTimeout))
    }
}

/// A boolean opt-in: only `true` enables it; absent, `null` and `false` leave it off; any other
/// value (`"false"`, `"0"`, `1`, `[]`, `{}`) is `argument.type`.
fn flag(v: &JsValue, name: &str) -> Result<bool, JsValue> {
    if args::absent(v) {
        return Ok(false);
    }
    v.as_bool()
        .ok_or_else(|| args::wrong_type(&format!("options.{name}"), "a boolean (true or false)"))
}

pub(super) fn rejected(result: Result<Promise, JsValue>) -> Promise {
    result.unwrap_or_else(|e| Promise::reject(&e))
}

/// Checks a registry configuration's credentials through `options.fetch`; resolves to
/// `{ ok, status, steps, expiresAt?, code?, message }`. Rejects with a `RegcredError` only on
/// misuse (`argument.*`, `config.invalid`), never because the check failed.
#[wasm_bindgen(js_name = verifyCredentials)]
pub fn verify_credentials(config_value: JsValue, options_value: JsValue) -> Promise {
    rejected((|| {
        let o = options(&options_value)?;
        let cfg = validated_config(&config_value, o.now)?;
        let login = Login::from_config(
            &cfg,
            LoginOptions {
                now: o.now,
                allow_private_networks: o.allow_private_networks,
            },
        )
        .map_err(|e| error(e.code, &e.message))?;
        Ok(login_promise(login, o))
    })())
}

/// Drives a login machine (`verifyCredentials`, `verifyAccess`) with the host's fetch: one
/// future type for both exports, so its code is in the module once.
pub(crate) fn login_promise(login: Login, o: Options) -> Promise {
    future_to_promise(async move {
        let outcome = drive(login, &o.fetch, o.timeout_ms).await;
        encode(&outcome)
    })
}

/// Exchanges an ECR user-auth configuration's access keys for a registry login through
/// `options.fetch`; resolves to `{ username, password, expiresAt, proxyEndpoint }`, rejects
/// with a `RegcredError` (`ecr.access-denied`, `ecr.clock-skew`, ...) otherwise.
#[wasm_bindgen(js_name = ecrAuthorizationToken)]
pub fn ecr_authorization_token(config_value: JsValue, options_value: JsValue) -> Promise {
    rejected((|| {
        let o = options(&options_value)?;
        let cfg = validated_config(&config_value, o.now)?;
        let target = Target::from_config(&cfg).map_err(|e| error(e.code, &e.message))?;
        let exchange = match target.auth {
            Auth::EcrKeys(endpoint, keys) => RoleTokenExchange::new(
                &endpoint,
                &keys,
                target.assume_role_arn.as_deref(),
                o.now,
            ),
            Auth::EcrIamRole => return Err(error(ErrorCode::EcrIamRole, "an IAM-role configuration has no keys to exchange; the nodes' role is used directly")),
            Auth::Password(_) => return Err(error(ErrorCode::ArgumentConfig, "not an ECR configuration")),
        };
        Ok(future_to_promise(async move {
            match drive(exchange, &o.fetch, o.timeout_ms).await {
                Ok(a) => encode(&TokenAnswer(a)),
                Err(e) => Err(error(e.code, &e.message)),
            }
        }))
    })())
}

/// What `ecrAuthorizationToken` resolves to: `{ expiresAt, password, proxyEndpoint, username }`
/// (members in key order, as the object has always had them); the token is exposed only here.
struct TokenAnswer(EcrAuthorization);

impl ToJson for TokenAnswer {
    fn write_json(&self, out: &mut String) {
        regcred::json::object(out)
            .field("expiresAt", &self.0.expires_at.to_string())
            .field("password", self.0.password.expose())
            .field("proxyEndpoint", &self.0.proxy_endpoint)
            .field("username", &self.0.username)
            .end();
    }
}
