//! Small shared value types: the languages postlint reads, and calendar dates.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A language postlint understands: of the post, and of its messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Lang {
    /// Danish.
    Da,
    /// English.
    En,
}

/// One value per post language (a suggestion's words, a fix's text): a rule keeps its
/// Danish and English variants in one of these and asks for the post's, instead of
/// branching on the language itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PerLang<T> {
    pub da: T,
    pub en: T,
}

impl<T> PerLang<T> {
    /// The value for `lang`.
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Da => &self.da,
            Lang::En => &self.en,
        }
    }
}

impl Lang {
    /// Every language postlint supports, in a stable order.
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// The ISO 639-1 code (`da`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// Parses an ISO 639-1 code, a three-letter code or an English name, case-insensitively.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "da" | "dan" | "danish" | "dansk" => Some(Lang::Da),
            "en" | "eng" | "english" | "engelsk" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of a POSIX locale string such as `da_DK.UTF-8`.
    pub fn from_posix_locale(value: &str) -> Option<Lang> {
        let head = value.split(['_', '.', '@', '-']).next().unwrap_or("");
        Lang::parse(head)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A calendar date (proleptic Gregorian), used for embargoes and quiet periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of month, 1–31.
    pub day: u8,
}

impl Date {
    /// Builds a date, checking that it exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days_in_month)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD` (ISO 8601's calendar date, four-digit year from 1900 to
    /// 9999, two-digit month and day), and only a day that exists. Nothing else is accepted:
    /// `2027-1-5`, `+2027-01-05`, `2027-01-05T00:00` and `02027-01-05` are not dates here,
    /// because a date the user did not mean silently moves an embargo.
    ///
    /// ```
    /// use postlint::Date;
    /// assert_eq!(Date::parse("2027-01-15"), Date::new(2027, 1, 15));
    /// assert_eq!(Date::parse("2027-1-15"), None);
    /// assert_eq!(Date::parse("2027-02-29"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.trim().as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if !(1900..=9999).contains(&year) {
            return None;
        }
        Date::new(year as i32, month as u8, day as u8)
    }

    /// Today in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// Converts days since 1970-01-01 into a date (Howard Hinnant's civil-from-days).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        Date::parse(s).ok_or_else(|| format!("`{s}` is not a date of the form YYYY-MM-DD"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_validate() {
        assert_eq!(Date::parse("2027-01-15"), Date::new(2027, 1, 15));
        assert!(Date::parse("2027-02-29").is_none());
        assert_eq!(Date::parse(" 2028-02-29 "), Date::new(2028, 2, 29));
        for bad in [
            "2027-1-15",
            "2027-01-5",
            "+2027-01-15",
            "02027-01-15",
            "2027-01-15T00:00",
            "2027/01/15",
            "1899-12-31",
            "0000-01-01",
            "2027-00-10",
            "2027-13-01",
            "2027-04-31",
            "-001-01-01",
            "２０２７-01-15",
            "",
            "2027-01-1٥",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2028-02-29").is_some());
        assert!(Date::parse("15-01-2027").is_none());
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(
            Date::from_days_since_epoch(20_819).to_string(),
            "2027-01-01"
        );
    }
}
