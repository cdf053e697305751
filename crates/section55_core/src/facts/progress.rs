//! The follow-up of an action after publication: the states of a response entry's `progress`
//! (the four built in, and an office's own from `section55.toml`), and which of them close an
//! action. HMICFRS, the Home Affairs Committee and the Home Secretary all name follow-through on
//! accepted recommendations as the weak spot; these states are what `action-overdue`, `status`
//! and the editor's completion share.

/// A state an action can be in.
pub struct State {
    pub name: &'static str,
    /// For completion and hover.
    pub description: &'static str,
    /// Whether the action is finished with (no longer open, never overdue).
    pub done: bool,
}

/// The built-in states, in the order an action goes through them.
pub const BUILT_IN: [State; 4] = [
    State {
        name: "not-started",
        description: "Agreed but not yet begun (an action with no `progress` is taken to be here).",
        done: false,
    },
    State {
        name: "in-progress",
        description: "Work has begun and is not finished.",
        done: false,
    },
    State {
        name: "complete",
        description: "The action has been carried out.",
        done: true,
    },
    State {
        name: "closed",
        description: "No further work will be done (superseded, withdrawn or signed off).",
        done: true,
    },
];

/// The state of an action whose entry records no `progress`.
pub const DEFAULT: &str = "not-started";

/// The built-in state names.
pub fn names() -> impl Iterator<Item = &'static str> {
    BUILT_IN.iter().map(|s| s.name)
}

/// An office's own states (`[progress]` in `section55.toml`), on top of the built-in ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extra {
    /// States in which an action is still open (`open = [...]`).
    pub open: Vec<String>,
    /// States that close an action (`done = [...]`).
    pub done: Vec<String>,
}

impl Extra {
    /// Whether `state` closes an action: `complete`, `closed`, or one of the office's `done`.
    pub fn is_done(&self, state: &str) -> bool {
        BUILT_IN.iter().any(|s| s.done && s.name == state) || self.done.iter().any(|d| d == state)
    }

    /// Whether `state` is a built-in state or one of the office's.
    pub fn is_known(&self, state: &str) -> bool {
        names().any(|n| n == state) || self.open.iter().chain(&self.done).any(|s| s == state)
    }

    /// Every state, built-in first.
    pub fn all(&self) -> Vec<&str> {
        let mut all: Vec<&str> = names().collect();
        all.extend(self.open.iter().chain(&self.done).map(String::as_str));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_and_closed_close_an_action_and_so_do_an_offices_own() {
        let extra = Extra {
            open: vec!["awaiting-funding".to_owned()],
            done: vec!["superseded".to_owned()],
        };
        assert!(extra.is_done("complete") && extra.is_done("closed"));
        assert!(extra.is_done("superseded"));
        assert!(!extra.is_done("in-progress") && !extra.is_done("awaiting-funding"));
        assert!(extra.is_known("awaiting-funding") && !extra.is_known("complet"));
        assert_eq!(extra.all().len(), 6);
    }
}
