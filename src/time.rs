//! Moments in time: when a post is checked, when an embargo lifts, when a quiet period runs.
//!
//! A guideline and a check may name a day (`2027-03-01`), a local date-time
//! (`2027-03-01T08:00`) or an instant with an offset (`2027-03-01T08:00:00+01:00`,
//! `…T07:00:00Z`). Days and local times mean the guideline's `timezone` (default
//! Europe/Copenhagen): a Danish embargo "until 1 March" lifts at midnight in Copenhagen, not in
//! UTC, and "today" in the first hours of a Danish morning is the Danish day. Time-zone rules
//! come from jiff's bundled copy of the IANA database, so a check gives the same answer on
//! every machine.

use crate::error::{msg, Msg};
use crate::i18n::Arg;
use crate::text::Date;
use jiff::civil;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use std::fmt;

/// The time zone a guideline means when it sets none.
pub const DEFAULT_TIMEZONE: &str = "Europe/Copenhagen";

/// A moment as written: a day, a local date-time, or an instant.
///
/// ```
/// use postlint::Moment;
/// assert!(Moment::parse("2027-03-01").is_some());
/// assert!(Moment::parse("2027-03-01T08:00").is_some());
/// assert!(Moment::parse("2027-03-01T08:00:00+01:00").is_some());
/// assert!(Moment::parse("2027-03-01T07:00:00Z").is_some());
/// assert!(Moment::parse("1 March").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment(When);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    /// The start of a day in the guideline's time zone.
    Day(Date),
    /// A wall-clock time in the guideline's time zone.
    Local(civil::DateTime),
    /// An instant.
    Instant(Timestamp),
}

impl Moment {
    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` (a space for the `T` too), or either with
    /// an offset (`Z`, `+01:00`). Anything else is refused rather than guessed: a moment the
    /// user did not mean silently moves an embargo.
    pub fn parse(s: &str) -> Option<Moment> {
        let s = s.trim();
        if s.len() == 10 {
            return Date::parse(s).map(Moment::from);
        }
        if s.len() < 16 || !matches!(s.as_bytes().get(10), Some(b'T' | b't' | b' ')) {
            return None;
        }
        Date::parse(&s[..10])?;
        let rest = &s[11..];
        let has_offset =
            rest.ends_with(['Z', 'z']) || rest.len() > 5 && rest[5..].contains(['+', '-']);
        if has_offset {
            let iso = format!("{}T{rest}", &s[..10]);
            return iso
                .parse::<Timestamp>()
                .ok()
                .map(|t| Moment(When::Instant(t)));
        }
        let iso = format!("{}T{rest}", &s[..10]);
        iso.parse::<civil::DateTime>()
            .ok()
            .map(|d| Moment(When::Local(d)))
    }

    /// The moment from the system clock.
    pub fn now() -> Moment {
        Moment(When::Instant(Timestamp::now()))
    }

    /// The instant this moment is in `tz`.
    pub(crate) fn resolve(self, tz: &TimeZone) -> Timestamp {
        match self.0 {
            When::Instant(t) => t,
            When::Day(d) => start_of_day(d, tz),
            When::Local(dt) => tz
                .to_ambiguous_timestamp(dt)
                .compatible()
                .unwrap_or(Timestamp::MAX),
        }
    }

    /// A moment from a TOML date or date-time (`until = 2027-03-01T08:00:00+01:00`), or why
    /// it is not one.
    pub(crate) fn from_toml(dt: &toml::value::Datetime) -> Result<Moment, Msg> {
        let Some(date) = dt.date else {
            return Err(msg!("error.date.expected", found = dt.to_string()));
        };
        let Some(day) = Date::new(i32::from(date.year), date.month, date.day) else {
            return Err(msg!("error.date.invalid", found = dt.to_string()));
        };
        if dt.time.is_none() {
            return Ok(Moment::from(day));
        }
        Moment::parse(&dt.to_string())
            .ok_or_else(|| msg!("error.date.invalid-time", found = dt.to_string()))
    }
}

impl From<Date> for Moment {
    fn from(d: Date) -> Moment {
        Moment(When::Day(d))
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            When::Day(d) => d.fmt(f),
            When::Local(dt) => write!(f, "{}", dt.strftime("%Y-%m-%dT%H:%M")),
            When::Instant(t) => t.fmt(f),
        }
    }
}

impl std::str::FromStr for Moment {
    type Err = String;
    fn from_str(s: &str) -> Result<Moment, String> {
        Moment::parse(s).ok_or_else(|| {
            format!("`{s}` is not a date (2027-01-15) or a date-time (2027-01-15T08:00:00+01:00)")
        })
    }
}

impl Moment {
    /// The end of this moment as the last day of a period: a day lasts to its end
    /// (`to = 2027-02-10` includes the 10th); a date-time is that instant.
    pub(crate) fn end(self, tz: &TimeZone) -> Timestamp {
        match self.0 {
            When::Day(d) => {
                let next = civil::Date::new(
                    i16::try_from(d.year).unwrap_or(i16::MAX),
                    d.month as i8,
                    d.day as i8,
                )
                .ok()
                .and_then(|c| c.tomorrow().ok())
                .and_then(|c| Date::new(i32::from(c.year()), c.month() as u8, c.day() as u8));
                next.map_or(Timestamp::MAX, |n| start_of_day(n, tz))
            }
            _ => self.resolve(tz),
        }
    }

    /// The moment as a message argument in `tz`: "1. marts 2027", or "1. marts 2027 kl.
    /// 08:00" for a date-time.
    pub(crate) fn arg(self, tz: &TimeZone) -> Arg {
        if let When::Day(d) = self.0 {
            return Arg::Date(d);
        }
        let local = tz.to_datetime(self.resolve(tz));
        let day = day_of(self.resolve(tz), tz);
        Arg::nested(
            "date.at-time",
            vec![
                ("date", Arg::Date(day)),
                (
                    "time",
                    Arg::Text(format!("{:02}:{:02}", local.hour(), local.minute())),
                ),
            ],
        )
    }
}

/// The instant `day` starts in `tz` (the first moment of it, where a zone skips midnight).
pub(crate) fn start_of_day(day: Date, tz: &TimeZone) -> Timestamp {
    let Ok(d) = civil::Date::new(
        i16::try_from(day.year).unwrap_or(i16::MAX),
        day.month as i8,
        day.day as i8,
    ) else {
        return Timestamp::MAX;
    };
    d.to_zoned_datetime(tz.clone())
        .and_then(|z| z.start_of_day())
        .map_or(Timestamp::MAX, |z| z.timestamp())
}

/// The day an instant falls on in `tz`.
pub(crate) fn day_of(t: Timestamp, tz: &TimeZone) -> Date {
    let d = tz.to_datetime(t).date();
    Date::new(i32::from(d.year()), d.month() as u8, d.day() as u8).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

/// Looks up an IANA time-zone name (`Europe/Copenhagen`, `UTC`).
pub(crate) fn zone(name: &str) -> Option<TimeZone> {
    TimeZone::get(name).ok()
}

/// The guideline's default zone.
pub(crate) fn default_zone() -> TimeZone {
    // The bundled database always has it; UTC is only the answer to an impossible failure.
    zone(DEFAULT_TIMEZONE).unwrap_or(TimeZone::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        Moment::parse(s).unwrap().resolve(&default_zone())
    }

    #[test]
    fn days_and_local_times_are_copenhagen_time() {
        // Winter: UTC+1.
        assert_eq!(at("2027-03-01"), at("2027-02-28T23:00:00Z"));
        assert_eq!(at("2027-03-01T08:00"), at("2027-03-01T07:00:00Z"));
        assert_eq!(at("2027-03-01 08:00"), at("2027-03-01T08:00:00+01:00"));
        // Summer: UTC+2.
        assert_eq!(at("2027-07-01T08:00"), at("2027-07-01T06:00:00Z"));
        let utc = zone("UTC").unwrap();
        assert_eq!(
            Moment::parse("2027-03-01").unwrap().resolve(&utc),
            at("2027-03-01T00:00:00Z")
        );
    }

    #[test]
    fn the_day_of_an_instant_is_the_local_day() {
        let tz = default_zone();
        // 23:30 UTC on 28 February is already 1 March in Copenhagen.
        assert_eq!(
            day_of(at("2027-02-28T23:30:00Z"), &tz),
            Date::new(2027, 3, 1).unwrap()
        );
        assert_eq!(
            day_of(at("2027-02-28T22:30:00Z"), &tz),
            Date::new(2027, 2, 28).unwrap()
        );
    }

    #[test]
    fn refuses_what_it_would_have_to_guess() {
        for bad in [
            "2027-3-1",
            "2027-02-30",
            "2027-02-28T25:00",
            "2027-02-28T08",
            "2027-02-28X08:00",
            "tomorrow",
            "",
            "2027-02-28T08:00+99:00",
        ] {
            assert!(Moment::parse(bad).is_none(), "{bad}");
        }
        assert!(zone("Europe/Atlantis").is_none());
        assert!(zone("Europe/Copenhagen").is_some());
    }

    #[test]
    fn toml_dates_and_date_times() {
        let v: toml::Table =
            toml::from_str("a = 2027-03-01\nb = 2027-03-01T08:00:00+01:00\nc = 08:00:00").unwrap();
        let get = |k: &str| match &v[k] {
            toml::Value::Datetime(d) => Moment::from_toml(d),
            _ => unreachable!(),
        };
        assert_eq!(
            get("a").unwrap(),
            Moment::from(Date::new(2027, 3, 1).unwrap())
        );
        assert_eq!(
            get("b").unwrap().resolve(&default_zone()),
            at("2027-03-01T07:00:00Z")
        );
        assert!(get("c").is_err());
    }
}
