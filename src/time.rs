//! Time as the core sees it: an input (`now`), never read from a clock inside the core, so
//! certificate and token expiry are deterministic in tests.
//!
//! [`Timestamp`] is whole seconds since the Unix epoch (UTC). It converts to and from
//! ISO-8601 / RFC 3339 text (`2026-11-26T22:41:00Z`), epoch milliseconds, and the compact forms
//! AWS Signature V4 uses (`20261126T224100Z`, `20261126`).

use std::fmt;

/// Whole seconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

/// A calendar date and time of day in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    /// Year (proleptic Gregorian).
    pub year: i64,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day of the month, 1 to 31.
    pub day: u32,
    /// Hour, 0 to 23.
    pub hour: u32,
    /// Minute, 0 to 59.
    pub minute: u32,
    /// Second, 0 to 59 (a leap second 60 is folded into the next minute by [`Timestamp::from_civil`]).
    pub second: u32,
}

/// Days from 1970-01-01 to the given date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

impl Timestamp {
    /// From epoch milliseconds (a JS `Date.now()`), rounded down to the second.
    pub fn from_millis(ms: i64) -> Timestamp {
        Timestamp(ms.div_euclid(1000))
    }

    /// Epoch milliseconds.
    pub fn to_millis(self) -> i64 {
        self.0.saturating_mul(1000)
    }

    /// From a calendar date-time; `None` when a component is out of range.
    pub fn from_civil(c: Civil) -> Option<Timestamp> {
        if !(1..=12).contains(&c.month)
            || c.day == 0
            || c.day > days_in_month(c.year, c.month)
            || c.hour > 23
            || c.minute > 59
            || c.second > 60
            || !(-9999..=9999).contains(&c.year)
        {
            return None;
        }
        let days = days_from_civil(c.year, c.month, c.day);
        Some(Timestamp(
            days * 86_400
                + i64::from(c.hour) * 3600
                + i64::from(c.minute) * 60
                + i64::from(c.second),
        ))
    }

    /// The calendar date-time in UTC.
    pub fn to_civil(self) -> Civil {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400) as u32;
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: secs / 3600,
            minute: secs / 60 % 60,
            second: secs % 60,
        }
    }

    /// Parses RFC 3339 / ISO-8601 date-time text: `2026-11-26T22:41:00Z`, with optional
    /// fractional seconds (dropped) and a `Z` or `±hh:mm` offset; a bare date means midnight UTC.
    /// `None` when the text is not such a time.
    pub fn parse_iso8601(text: &str) -> Option<Timestamp> {
        let b = text.trim().as_bytes();
        let num = |from: usize, len: usize| -> Option<u32> {
            let s = b.get(from..from + len)?;
            s.iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        let year = i64::from(num(0, 4)?);
        if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let (month, day) = (num(5, 2)?, num(8, 2)?);
        if b.len() == 10 {
            return Timestamp::from_civil(Civil {
                year,
                month,
                day,
                hour: 0,
                minute: 0,
                second: 0,
            });
        }
        if !matches!(b.get(10), Some(b'T' | b't' | b' ')) || b.get(13) != Some(&b':') {
            return None;
        }
        let (hour, minute) = (num(11, 2)?, num(14, 2)?);
        let (second, mut i) = if b.get(16) == Some(&b':') {
            (num(17, 2)?, 19)
        } else {
            (0, 16)
        };
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return None;
            }
        }
        let offset: i64 = match b.get(i) {
            Some(b'Z' | b'z') if b.len() == i + 1 => 0,
            Some(&sign @ (b'+' | b'-')) if b.len() == i + 6 && b.get(i + 3) == Some(&b':') => {
                let (oh, om) = (num(i + 1, 2)?, num(i + 4, 2)?);
                if oh > 23 || om > 59 {
                    return None;
                }
                let o = i64::from(oh * 3600 + om * 60);
                if sign == b'+' {
                    o
                } else {
                    -o
                }
            }
            _ => return None,
        };
        let t = Timestamp::from_civil(Civil {
            year,
            month,
            day,
            hour,
            minute,
            second,
        })?;
        Some(Timestamp(t.0 - offset))
    }

    /// `YYYYMMDDTHHMMSSZ`, the `X-Amz-Date` form.
    pub fn to_amz_date(self) -> String {
        let c = self.to_civil();
        format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            c.year, c.month, c.day, c.hour, c.minute, c.second
        )
    }

    /// `YYYYMMDD`, the credential-scope date of AWS Signature V4.
    pub fn to_amz_day(self) -> String {
        let c = self.to_civil();
        format!("{:04}{:02}{:02}", c.year, c.month, c.day)
    }
}

/// `2026-11-26T22:41:00Z`
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.to_civil();
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            c.year, c.month, c.day, c.hour, c.minute, c.second
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_known_values() {
        assert_eq!(Timestamp(0).to_string(), "1970-01-01T00:00:00Z");
        let t = Timestamp::parse_iso8601("2026-11-26T22:41:00Z").unwrap();
        assert_eq!(t.0, 1_795_732_860);
        assert_eq!(t.to_string(), "2026-11-26T22:41:00Z");
        assert_eq!(t.to_amz_date(), "20261126T224100Z");
        assert_eq!(t.to_amz_day(), "20261126");
        assert_eq!(
            Timestamp::parse_iso8601("2026-11-26T23:41:00.123+01:00"),
            Some(t)
        );
        assert_eq!(
            Timestamp::parse_iso8601("2024-02-29"),
            Timestamp::parse_iso8601("2024-02-29T00:00:00Z")
        );
        for bad in [
            "",
            "2023-02-29",
            "2026-13-01T00:00:00Z",
            "2026-11-26T22:41:00",
            "x",
            "2026-11-26T24:00:00Z",
        ] {
            assert_eq!(Timestamp::parse_iso8601(bad), None, "{bad}");
        }
        for s in [-86_400_i64 * 365 * 3000, -1, 0, 951_782_400, 4_102_444_800] {
            let t = Timestamp(s);
            assert_eq!(Timestamp::from_civil(t.to_civil()), Some(t));
        }
        assert_eq!(Timestamp::from_millis(-1).0, -1);
    }
}
