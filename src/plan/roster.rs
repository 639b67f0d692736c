//! The office's roster: the leaders and departments tasks are assigned to.

use serde::{Deserialize, Serialize};

use super::model::Role;

/// Leaders and departments of one office, kept with the office's data (not per plan), and the
/// office's choice of font names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Roster {
    /// 责任领导 to pick from.
    pub leaders: Vec<String>,
    /// 科室 and units to pick from, for both 牵头科室 and 配合科室（单位）.
    pub departments: Vec<String>,
    /// The fonts every document of the office names.
    pub fonts: FontChoice,
}

/// How an office's documents name their fonts, as its templates do: older templates name
/// 仿宋_GB2312 and 楷体_GB2312, newer Windows installs have 仿宋 and 楷体 (which also hold the
/// rare characters GB2312 lacks); Arabic numerals and Latin letters are set in the Chinese font
/// or in Times New Roman.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FontChoice {
    /// 仿宋 / 楷体 rather than 仿宋_GB2312 / 楷体_GB2312.
    pub plain_names: bool,
    /// Numerals and Latin letters in Times New Roman rather than in the run's Chinese font.
    pub latin_in_times: bool,
}

impl Roster {
    /// The names offered for a role.
    pub fn names(&self, role: Role) -> &Vec<String> {
        match role {
            Role::Leader => &self.leaders,
            Role::Lead | Role::Partner => &self.departments,
        }
    }

    fn names_mut(&mut self, role: Role) -> &mut Vec<String> {
        match role {
            Role::Leader => &mut self.leaders,
            Role::Lead | Role::Partner => &mut self.departments,
        }
    }

    pub fn contains(&self, role: Role, name: &str) -> bool {
        self.names(role).iter().any(|n| n == name.trim())
    }

    /// Adds a name; false when it is empty or already there.
    pub fn add(&mut self, role: Role, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() || self.contains(role, name) {
            return false;
        }
        self.names_mut(role).push(name.to_string());
        true
    }

    /// Removes a name; tasks that use it keep it.
    pub fn remove(&mut self, role: Role, name: &str) -> bool {
        let list = self.names_mut(role);
        let before = list.len();
        list.retain(|n| n != name);
        list.len() != before
    }

    /// Adds every owner named in the plan that the roster lacks; returns how many were added.
    pub fn absorb(&mut self, plan: &super::model::Plan) -> usize {
        let mut added = 0;
        for (node, _) in plan.walk() {
            for role in Role::ALL {
                for name in node.division.people(role) {
                    added += usize::from(self.add(role, name));
                }
            }
        }
        added
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departments_serve_both_department_roles() {
        let mut roster = Roster::default();
        assert!(roster.add(Role::Lead, " 局综合管理岗位 "));
        assert!(roster.contains(Role::Partner, "局综合管理岗位"));
        assert!(!roster.add(Role::Partner, "局综合管理岗位"));
        assert!(!roster.contains(Role::Leader, "局综合管理岗位"));
        assert!(!roster.add(Role::Leader, "  "));
        assert!(roster.remove(Role::Lead, "局综合管理岗位"));
        assert!(roster.departments.is_empty());
    }
}
