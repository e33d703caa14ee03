//! Closed sets of values a user picks by name (`--sort date`, `?interval=month`,
//! `sort = "date"` in a saved query), kept free of any argument parser: the domain
//! enums declare their names and help here, and the command line (`cli.rs`), the web
//! page's parameters and error messages all read the same table. Renaming a CLI flag
//! or swapping the argument parser can no longer change what a value is called.

/// An enum whose values have one user-facing name each.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    /// Every value, in the order help texts list them.
    const ALL: &'static [Self];

    /// The name a user types (and the web page's URLs and saved queries carry).
    fn name(self) -> &'static str;

    /// One line saying what the value does, for `--help`.
    fn help(self) -> &'static str;

    /// The value called `text` (ASCII case and surrounding blanks ignored).
    fn from_name(text: &str) -> Option<Self> {
        let text = text.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|value| value.name().eq_ignore_ascii_case(text))
    }

    /// "is not one of: a, b, c": the end of an error message about a bad value.
    fn expected() -> String {
        let names: Vec<&str> = Self::ALL.iter().map(|v| v.name()).collect();
        format!("is not one of: {}", names.join(", "))
    }
}

/// Declares an enum whose variants carry their name and help text, and implements
/// [`Choice`] and `Display` (the name) for it. Each variant is written
/// `Variant = "name": "help text"`; the help text also becomes its doc comment.
#[macro_export]
macro_rules! choice_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal : $help:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* #[doc = $help] $variant ),+
        }

        impl $crate::choice::Choice for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];

            fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            fn help(self) -> &'static str {
                match self {
                    $($name::$variant => $help),+
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::choice::Choice::name(*self))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::Choice;

    crate::choice_enum! {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Speed {
            Slow = "slow": "Takes its time.",
            Fast = "fast": "Hurries.",
        }
    }

    #[test]
    fn names_round_trip_and_ignore_case_and_blanks() {
        for &speed in Speed::ALL {
            assert_eq!(Speed::from_name(speed.name()), Some(speed));
        }
        assert_eq!(Speed::from_name(" FAST "), Some(Speed::Fast));
        assert_eq!(Speed::from_name("quick"), None);
        assert_eq!(Speed::Slow.to_string(), "slow");
        assert_eq!(Speed::Fast.help(), "Hurries.");
    }

    #[test]
    fn the_error_lists_every_name() {
        assert_eq!(Speed::expected(), "is not one of: slow, fast");
    }
}
