//! The Bearer token request's answer and the OAuth2 password-grant fallback.

use crate::json::Value;
use crate::ErrorCode;

use super::{Kind, Login, MIN_TOKEN_LIFETIME};
use crate::time::Timestamp;
use crate::verify::http::Response;
use crate::verify::outcome::Status;

impl Login {
    pub(super) fn on_token(&mut self, resp: &Response) {
        let body: Value = resp.json_body().unwrap_or(Value::Null);
        let token = ["token", "access_token"].iter().find_map(|k| {
            body.get(k)
                .and_then(Value::as_str)
                .filter(|t| !t.is_empty())
        });
        let Some(token) = token.map(str::to_owned) else {
            return self.finish(
                Status::NotARegistry,
                Some(ErrorCode::VerifyToken),
                "the token service answered without a token",
            );
        };
        let lifetime = body
            .get("expires_in")
            .and_then(Value::as_i64)
            .unwrap_or(MIN_TOKEN_LIFETIME)
            .max(MIN_TOKEN_LIFETIME);
        let issued = body
            .get("issued_at")
            .and_then(Value::as_str)
            .and_then(Timestamp::parse_iso8601)
            .unwrap_or(self.now);
        self.expires_at = Some(Timestamp(issued.0.saturating_add(lifetime)));
        let ping = self
            .registry
            .as_ref()
            .map(|u| u.to_string())
            .unwrap_or_else(|| self.target.ping_url.clone());
        self.start(
            Kind::BearerPing,
            "GET",
            &ping,
            Some(format!("Bearer {token}")),
            None,
            Vec::new(),
        );
    }

    pub(super) fn token_post(&mut self) {
        let (Some(c), Some((realm, service, scope))) = (self.creds.clone(), self.realm.clone())
        else {
            return self.finish(
                Status::Unauthorized,
                Some(ErrorCode::VerifyUnauthorized),
                "the token service refused the request",
            );
        };
        let mut pairs = vec![
            ("grant_type", "password"),
            ("username", c.username.as_str()),
            ("password", c.password.expose()),
            ("service", service.as_str()),
        ];
        if let Some(s) = &scope {
            pairs.push(("scope", s));
        }
        pairs.push(("client_id", "regcred"));
        let body = crate::url::form_urlencoded(&pairs);
        self.start(
            Kind::TokenPost,
            "POST",
            realm.as_str(),
            None,
            Some(body),
            Vec::new(),
        );
    }
}
