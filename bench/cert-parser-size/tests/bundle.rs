use base64::Engine;
#[test]
fn parses_bundle() {
    let text = std::fs::read_to_string("/etc/ssl/certs/ca-certificates.crt").unwrap();
    let (mut ok, mut bad) = (0, 0);
    for block in text.split("-----BEGIN CERTIFICATE-----").skip(1) {
        let b64: String = block
            .split("-----END")
            .next()
            .unwrap()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let der = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap();
        if sizecmp::summary(&der).is_some() {
            ok += 1
        } else {
            bad += 1
        }
    }
    println!("RESULT ok={ok} bad={bad}");
}
