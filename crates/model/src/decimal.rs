//! An exact decimal number for amounts.
//!
//! Money must never be a rounded float inside zhnews (`1.0753美元` stays 1.0753, `4.78万亿` is
//! 4 780 000 000 000 exactly). A [`Decimal`] is a signed integer mantissa with a power-of-ten scale.
//! In JSON it is written as a plain number: an integer when it has no fraction, otherwise the shortest
//! decimal that reads back as the same value.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// `mantissa × 10^-scale`, kept normalized (no trailing zeros in the fraction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

/// The largest scale kept; finer fractions do not occur in news amounts.
const MAX_SCALE: u32 = 18;

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    /// `mantissa × 10^-scale`, or `None` when the scale is beyond what is kept.
    pub fn new(mantissa: i128, scale: u32) -> Option<Decimal> {
        if scale > MAX_SCALE {
            return None;
        }
        Some(Decimal { mantissa, scale }.normalized())
    }

    /// A whole number.
    pub fn from_int(value: i128) -> Decimal {
        Decimal {
            mantissa: value,
            scale: 0,
        }
    }

    /// The integer mantissa.
    pub fn mantissa(self) -> i128 {
        self.mantissa
    }

    /// The number of decimal places.
    pub fn scale(self) -> u32 {
        self.scale
    }

    /// True for a value below zero.
    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// True when the value has no fractional part.
    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    fn normalized(mut self) -> Decimal {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        if self.mantissa == 0 {
            self.scale = 0;
        }
        self
    }

    /// Multiplies by an integer, `None` on overflow.
    pub fn checked_mul_int(self, factor: i128) -> Option<Decimal> {
        Some(
            Decimal {
                mantissa: self.mantissa.checked_mul(factor)?,
                scale: self.scale,
            }
            .normalized(),
        )
    }

    /// Multiplies two decimals, `None` on overflow.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let mantissa = self.mantissa.checked_mul(other.mantissa)?;
        let scale = self.scale + other.scale;
        let mut value = Decimal { mantissa, scale };
        // Shed precision beyond MAX_SCALE only when it is zeros; otherwise refuse.
        value = value.normalized();
        (value.scale <= MAX_SCALE).then_some(value)
    }

    /// Adds two decimals, `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let a = self
            .mantissa
            .checked_mul(10i128.checked_pow(scale - self.scale)?)?;
        let b = other
            .mantissa
            .checked_mul(10i128.checked_pow(scale - other.scale)?)?;
        Some(
            Decimal {
                mantissa: a.checked_add(b)?,
                scale,
            }
            .normalized(),
        )
    }

    /// The negated value.
    pub fn checked_neg(self) -> Option<Decimal> {
        Some(Decimal {
            mantissa: self.mantissa.checked_neg()?,
            scale: self.scale,
        })
    }

    /// The nearest `f64` (for statistics and comparisons; never for storage).
    pub fn to_f64(self) -> f64 {
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    /// The value as an `i64` when it is a whole number that fits.
    pub fn to_i64(self) -> Option<i64> {
        if self.scale == 0 {
            i64::try_from(self.mantissa).ok()
        } else {
            None
        }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = self.scale as usize;
        let sign = if self.mantissa < 0 { "-" } else { "" };
        if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            write!(f, "{sign}{int}.{frac}")
        } else {
            write!(f, "{sign}0.{}{digits}", "0".repeat(scale - digits.len()))
        }
    }
}

/// Why a string is not a [`Decimal`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecimalParseError;

impl fmt::Display for DecimalParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a decimal number (digits, one optional point, optional leading minus)")
    }
}

impl std::error::Error for DecimalParseError {}

impl FromStr for Decimal {
    type Err = DecimalParseError;

    /// Parses `-123.45`, `0.5`, `12`; also the exponent form `1.5e9` that JSON writers produce.
    fn from_str(s: &str) -> Result<Decimal, DecimalParseError> {
        let (body, exponent) = match s.find(['e', 'E']) {
            Some(i) => (
                &s[..i],
                s[i + 1..].parse::<i32>().map_err(|_| DecimalParseError)?,
            ),
            None => (s, 0),
        };
        let (negative, body) = match body.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, body),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        if int.is_empty() && frac.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(DecimalParseError);
        }
        let mut mantissa: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(b - b'0')))
                .ok_or(DecimalParseError)?;
        }
        if negative {
            mantissa = -mantissa;
        }
        let mut scale = frac.len() as i64 - i64::from(exponent);
        while scale < 0 {
            mantissa = mantissa.checked_mul(10).ok_or(DecimalParseError)?;
            scale += 1;
        }
        let value = Decimal {
            mantissa,
            scale: scale as u32,
        }
        .normalized();
        if value.scale > MAX_SCALE {
            return Err(DecimalParseError);
        }
        Ok(value)
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(int) = self.to_i64() {
            serializer.serialize_i64(int)
        } else if self.scale == 0 && self.mantissa >= 0 && self.mantissa <= i128::from(u64::MAX) {
            serializer.serialize_u64(self.mantissa as u64)
        } else {
            // f64's shortest round-trip form of a value parsed from our exact digits prints
            // those digits back for every amount with up to 15 significant digits.
            serializer.serialize_f64(self.to_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Decimal;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
                Ok(Decimal::from_int(i128::from(v)))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
                Ok(Decimal::from_int(i128::from(v)))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
                // `{v}` prints f64's shortest round-trip digits, which are the digits that were written.
                format!("{v}").parse().map_err(E::custom)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_exactly() {
        for s in ["0", "1.0753", "-3.5", "4780000000000", "0.05", "-0.001"] {
            assert_eq!(s.parse::<Decimal>().unwrap().to_string(), s);
        }
        assert_eq!("1.50".parse::<Decimal>().unwrap().to_string(), "1.5");
        assert_eq!(
            "1.5e9".parse::<Decimal>().unwrap().to_string(),
            "1500000000"
        );
        assert!("1.2.3".parse::<Decimal>().is_err());
        assert!("".parse::<Decimal>().is_err());
        assert!("9".repeat(60).parse::<Decimal>().is_err());
    }

    #[test]
    fn arithmetic_is_exact() {
        let wan_yi = Decimal::from_int(1_000_000_000_000);
        let v = "4.78"
            .parse::<Decimal>()
            .unwrap()
            .checked_mul(wan_yi)
            .unwrap();
        assert_eq!(v.to_i64(), Some(4_780_000_000_000));
        let sum = "0.1"
            .parse::<Decimal>()
            .unwrap()
            .checked_add("0.2".parse().unwrap())
            .unwrap();
        assert_eq!(sum.to_string(), "0.3");
        assert!(Decimal::from_int(i128::MAX).checked_mul_int(10).is_none());
    }

    #[test]
    fn json_numbers_are_plain() {
        let v: Decimal = "1.0753".parse().unwrap();
        assert_eq!(serde_json::to_string(&v).unwrap(), "1.0753");
        assert_eq!(
            serde_json::to_string(&Decimal::from_int(23_600_000_000)).unwrap(),
            "23600000000"
        );
        let back: Decimal = serde_json::from_str("1.0753").unwrap();
        assert_eq!(back, v);
    }
}
