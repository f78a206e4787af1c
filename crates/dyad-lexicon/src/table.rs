//! Reading the tab-separated dictionary files: `#` comment lines, blank
//! lines, a header row, then records; multi-valued cells use `|`.

use crate::DictError;

/// One record of a table, with its line number for error messages.
pub(crate) struct Row<'a> {
    pub line: usize,
    cells: Vec<&'a str>,
    header: &'a [String],
    file: &'a str,
}

impl<'a> Row<'a> {
    /// The cell of a named column (empty when the row is short).
    pub fn get(&self, column: &str) -> &'a str {
        self.header
            .iter()
            .position(|h| h == column)
            .and_then(|i| self.cells.get(i))
            .map_or("", |c| c.trim())
    }

    /// A cell that must not be empty.
    pub fn required(&self, column: &str) -> Result<&'a str, DictError> {
        match self.get(column) {
            "" => Err(self.error(format!("empty `{column}`"))),
            v => Ok(v),
        }
    }

    /// The `|`-separated values of a cell.
    pub fn list(&self, column: &str) -> impl Iterator<Item = &'a str> {
        self.get(column)
            .split('|')
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    pub fn error(&self, message: impl Into<String>) -> DictError {
        DictError::new(self.file, self.line, message)
    }
}

/// Parses a table and calls `each` for every record.
pub(crate) fn read<'a>(
    file: &'a str,
    text: &'a str,
    columns: &[&str],
    mut each: impl FnMut(Row<'_>) -> Result<(), DictError>,
) -> Result<(), DictError> {
    let mut header: Option<Vec<String>> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = raw.split('\t').collect();
        match &header {
            None => {
                let h: Vec<String> = cells.iter().map(|c| c.trim().to_string()).collect();
                for c in columns {
                    if !h.iter().any(|x| x == c) {
                        return Err(DictError::new(
                            file,
                            line,
                            format!("header lacks column `{c}`"),
                        ));
                    }
                }
                header = Some(h);
            }
            Some(h) => each(Row {
                line,
                cells,
                header: h,
                file,
            })?,
        }
    }
    if header.is_none() {
        return Err(DictError::new(file, 0, "no header row"));
    }
    Ok(())
}
