//! SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104): SigV4 signatures, certificate
//! fingerprints and the platform's secret-name hash. One compact implementation instead of the
//! `sha2`/`hmac` crates, whose unrolled rounds and generic digest traits cost ~2 KB gzip in the
//! WebAssembly module; the tests compare it with those crates and with the FIPS vectors.

/// The round constants: the first 32 bits of the fractional parts of the cube roots of the
/// first 64 primes.
const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/// The initial hash value: the first 32 bits of the fractional parts of the square roots of the
/// first 8 primes.
const H0: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/// The SHA-256 digest of `data`.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    sha256_parts(&[data])
}

/// The SHA-256 digest of the concatenation of `parts` (HMAC hashes a padded key and a message
/// without copying them into one buffer).
fn sha256_parts(parts: &[&[u8]]) -> [u8; 32] {
    let mut state = H0;
    let mut block = [0u8; 64];
    let mut filled = 0usize;
    let mut total = 0u64;
    let bit_len_of = |n: u64| n.wrapping_mul(8).to_be_bytes();
    for part in parts {
        total = total.wrapping_add(part.len() as u64);
        let mut rest: &[u8] = part;
        // Top up a block left partly filled by the previous part, byte by byte (at most 63).
        while filled != 0 {
            let Some((&b, tail)) = rest.split_first() else {
                break;
            };
            push(&mut state, &mut block, &mut filled, b);
            rest = tail;
        }
        // Whole blocks straight from the input: the bulk of a certificate's bytes.
        let mut blocks = rest.chunks_exact(64);
        for whole in &mut blocks {
            if let Ok(whole) = <&[u8; 64]>::try_from(whole) {
                compress(&mut state, whole);
            }
        }
        for &b in blocks.remainder() {
            push(&mut state, &mut block, &mut filled, b);
        }
    }
    push(&mut state, &mut block, &mut filled, 0x80);
    while filled != 56 {
        push(&mut state, &mut block, &mut filled, 0);
    }
    for b in bit_len_of(total) {
        push(&mut state, &mut block, &mut filled, b);
    }
    let mut out = [0u8; 32];
    for (chunk, word) in out.chunks_exact_mut(4).zip(state) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

fn push(state: &mut [u32; 8], block: &mut [u8; 64], filled: &mut usize, b: u8) {
    if let Some(slot) = block.get_mut(*filled) {
        *slot = b;
    }
    *filled += 1;
    if *filled == 64 {
        compress(state, block);
        *filled = 0;
    }
}

/// One application of the compression function to a 64-byte block.
fn compress(state: &mut [u32; 8], block: &[u8; 64]) {
    let mut w = [0u32; 64];
    for (word, bytes) in w.iter_mut().zip(block.chunks_exact(4)) {
        *word = u32::from_be_bytes(bytes.try_into().unwrap_or_default());
    }
    for t in 16..64 {
        let at = |i: usize| w.get(i).copied().unwrap_or_default();
        let (w2, w15) = (at(t - 2), at(t - 15));
        let s0 = w15.rotate_right(7) ^ w15.rotate_right(18) ^ (w15 >> 3);
        let s1 = w2.rotate_right(17) ^ w2.rotate_right(19) ^ (w2 >> 10);
        let next = at(t - 16)
            .wrapping_add(s0)
            .wrapping_add(at(t - 7))
            .wrapping_add(s1);
        if let Some(slot) = w.get_mut(t) {
            *slot = next;
        }
    }
    let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *state;
    for (k, wt) in K.iter().zip(w) {
        let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let ch = (e & f) ^ (!e & g);
        let t1 = h
            .wrapping_add(s1)
            .wrapping_add(ch)
            .wrapping_add(*k)
            .wrapping_add(wt);
        let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let maj = (a & b) ^ (a & c) ^ (b & c);
        let t2 = s0.wrapping_add(maj);
        h = g;
        g = f;
        f = e;
        e = d.wrapping_add(t1);
        d = c;
        c = b;
        b = a;
        a = t1.wrapping_add(t2);
    }
    for (s, v) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
        *s = s.wrapping_add(v);
    }
}

/// HMAC-SHA-256 of `data` under `key` (any length: a key longer than a block is hashed first).
pub fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    let hashed;
    let key = if key.len() > 64 {
        hashed = sha256(key);
        hashed.as_slice()
    } else {
        key
    };
    let mut inner_pad = [0x36u8; 64];
    let mut outer_pad = [0x5cu8; 64];
    for ((i, o), k) in inner_pad.iter_mut().zip(outer_pad.iter_mut()).zip(key) {
        *i ^= k;
        *o ^= k;
    }
    let inner = sha256_parts(&[&inner_pad, data]);
    sha256_parts(&[&outer_pad, &inner])
}

#[cfg(test)]
mod tests {
    use super::*;
    use hmac::{Hmac, Mac};
    use sha2::{Digest, Sha256};

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// FIPS 180-4 examples (one block, two blocks) and a million `a`s.
    #[test]
    fn fips_vectors() {
        assert_eq!(
            hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(&sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(
            hex(&sha256(&vec![b'a'; 1_000_000])),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
        assert_eq!(
            hex(&sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    /// RFC 4231 test case 2 (a short key) and 6 (a key longer than a block).
    #[test]
    fn rfc4231_vectors() {
        assert_eq!(
            hex(&hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(
            hex(&hmac_sha256(
                &[0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            )),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    proptest::proptest! {
        /// Every length around the block and padding boundaries, against the `sha2` and `hmac`
        /// crates.
        #[test]
        fn agrees_with_the_sha2_and_hmac_crates(
            data in proptest::collection::vec(proptest::num::u8::ANY, 0..300),
            key in proptest::collection::vec(proptest::num::u8::ANY, 0..200),
        ) {
            proptest::prop_assert_eq!(sha256(&data).to_vec(), Sha256::digest(&data).to_vec());
            let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
            mac.update(&data);
            proptest::prop_assert_eq!(hmac_sha256(&key, &data).to_vec(), mac.finalize().into_bytes().to_vec());
        }
    }
}
