//! Entity labels, named as in OntoNotes (and spaCy).

/// An entity label (OntoNotes).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Label {
    /// People, including fictional.
    Person,
    /// Nationalities, religious or political groups.
    Norp,
    /// Companies, agencies, institutions.
    Org,
    /// Countries, cities, states.
    Gpe,
    /// Non-GPE locations: mountain ranges, bodies of water.
    Loc,
    /// Buildings, airports, highways, bridges.
    Fac,
    /// Absolute or relative dates or periods.
    Date,
    /// Times smaller than a day.
    Time,
    /// Numerals that do not fall under another type.
    Cardinal,
    /// `first`, `second`.
    Ordinal,
    /// Measurements, as of weight or distance.
    Quantity,
    /// Monetary values, including unit.
    Money,
    /// Percentages.
    Percent,
    /// Named hurricanes, battles, wars, sports events.
    Event,
    /// Objects, vehicles, weapons, foods (not services).
    Product,
}

impl Label {
    /// Every label, in declaration order.
    pub const ALL: [Label; 15] = [
        Label::Person,
        Label::Norp,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Fac,
        Label::Date,
        Label::Time,
        Label::Cardinal,
        Label::Ordinal,
        Label::Quantity,
        Label::Money,
        Label::Percent,
        Label::Event,
        Label::Product,
    ];

    /// The OntoNotes name (`PERSON`, `GPE`).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Norp => "NORP",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Fac => "FAC",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Cardinal => "CARDINAL",
            Label::Ordinal => "ORDINAL",
            Label::Quantity => "QUANTITY",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
            Label::Event => "EVENT",
            Label::Product => "PRODUCT",
        }
    }

    /// A count, measure, amount or rank (`figures`): CARDINAL, ORDINAL, QUANTITY, MONEY,
    /// PERCENT.
    pub fn is_figure(self) -> bool {
        matches!(
            self,
            Label::Cardinal | Label::Ordinal | Label::Quantity | Label::Money | Label::Percent
        )
    }

    /// DATE or TIME (`dates`).
    pub fn is_temporal(self) -> bool {
        matches!(self, Label::Date | Label::Time)
    }

    /// Something with a name (a person, group, organisation, place, event, product): neither
    /// a figure nor a date.
    pub fn is_name(self) -> bool {
        !self.is_figure() && !self.is_temporal()
    }

    /// The label of that name, in any case (`org` is ORG).
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for l in Label::ALL {
            assert_eq!(Label::parse(l.as_str()), Some(l));
        }
        assert_eq!(Label::parse("gpe"), Some(Label::Gpe));
        assert_eq!(Label::parse("CITY"), None);
    }
}
