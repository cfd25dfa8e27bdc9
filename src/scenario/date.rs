//! Calendar months: the simulation's unit of time (one turn is one month).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar month, written `"2023-08"` in scenario files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
}

/// January of year 0: a placeholder until a calendar is read.
impl Default for YearMonth {
    fn default() -> Self {
        YearMonth { year: 0, month: 1 }
    }
}

impl YearMonth {
    pub const fn new(year: i32, month: u8) -> Self {
        Self { year, month }
    }

    /// Months since year 0; differences of these count months between dates.
    pub fn ordinal(self) -> i64 {
        self.year as i64 * 12 + (self.month as i64 - 1)
    }

    pub fn from_ordinal(ordinal: i64) -> Self {
        Self {
            year: ordinal.div_euclid(12) as i32,
            month: (ordinal.rem_euclid(12) + 1) as u8,
        }
    }

    pub fn plus_months(self, months: i64) -> Self {
        Self::from_ordinal(self.ordinal() + months)
    }

    /// Whole months from `self` to `later` (negative if `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i64 {
        later.ordinal() - self.ordinal()
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let err = || format!("`{text}` is not a month: write it as \"YYYY-MM\", for example \"2023-08\"");
        let (y, m) = text.split_once('-').ok_or_else(err)?;
        // Digits only: `parse` would take "+1" as a month.
        let digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
        if y.len() != 4 || m.len() != 2 || !digits(y) || !digits(m) {
            return Err(err());
        }
        let year: i32 = y.parse().map_err(|_| err())?;
        let month: u8 = m.parse().map_err(|_| err())?;
        if !(1..=12).contains(&month) {
            return Err(format!("month {month} in `{text}` must be between 01 and 12"));
        }
        if !(1800..=2200).contains(&year) {
            return Err(format!("year {year} in `{text}` must be between 1800 and 2200"));
        }
        Ok(Self { year, month })
    }

    /// English month name and year, for news items: "August 2023".
    pub fn long(self) -> String {
        const NAMES: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        format!("{} {}", NAMES[(self.month - 1) as usize], self.year)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        YearMonth::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_arithmetic_wraps_years() {
        let d = YearMonth::new(2023, 11);
        assert_eq!(d.plus_months(3), YearMonth::new(2024, 2));
        assert_eq!(d.plus_months(-11), YearMonth::new(2022, 12));
        assert_eq!(YearMonth::new(2020, 1).months_until(YearMonth::new(2025, 1)), 60);
    }

    #[test]
    fn parse_rejects_bad_months() {
        assert!(YearMonth::parse("2023-+1").is_err());
        assert!(YearMonth::parse("+023-01").is_err());
        assert_eq!(YearMonth::parse("2024-07"), Ok(YearMonth::new(2024, 7)));
        assert!(YearMonth::parse("2024-13").is_err());
        assert!(YearMonth::parse("2024/07").is_err());
        assert!(YearMonth::parse("24-07").is_err());
    }
}
