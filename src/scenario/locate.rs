//! Finds where a value sits in RON text, so that problems found after
//! parsing (a range, a dangling reference) can still be reported as
//! `file:line:col`. ron itself only gives positions for syntax errors.

use std::collections::BTreeMap;

/// One step of a path into a document: `states[3].stability` is
/// `[Field("states"), Index(3), Field("stability")]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Field(&'static str),
    Index(usize),
    /// A key of a `{ … }` map, as written between the quotes.
    Key(String),
}

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

#[derive(Debug)]
enum Node {
    Scalar,
    Fields(BTreeMap<String, (Pos, Node)>),
    Items(Vec<(Pos, Node)>),
    Entries(Vec<(String, Pos, Node)>),
}

/// The shape of a parsed RON document with the position of every value.
pub struct Locator {
    root: Option<(Pos, Node)>,
}

/// The items of the lists that are the document's own fields (`states`,
/// `events`, …, and `history.points`), as char ranges of the text, each
/// with the comma after it: what can be cut out of a scenario to read on
/// past a problem in one of them.
pub fn top_items(text: &str) -> Vec<(usize, usize)> {
    let scanner = Scanner::new(text);
    let mut out = Vec::new();
    // The open brackets, and for a list at the level of the root's fields
    // (or `history`'s), where its current item began.
    let mut stack: Vec<char> = Vec::new();
    let mut item: Option<usize> = None;
    let mut last_end = 0;
    for (tok, (start, end)) in scanner.toks.iter().map(|(_, t)| t).zip(&scanner.spans) {
        // A list directly in the root's parentheses, or in `history: ( … )`.
        let in_top_list = |stack: &[char]| stack == ['(', '['] || stack == ['(', '(', '['];
        match tok {
            Tok::Open(c) => {
                if in_top_list(&stack) && item.is_none() {
                    item = Some(*start);
                }
                stack.push(*c);
            }
            Tok::Close(c) => {
                if in_top_list(&stack)
                    && *c == ']'
                    && let Some(a) = item.take()
                {
                    out.push((a, last_end));
                }
                stack.pop();
            }
            Tok::Comma if in_top_list(&stack) => {
                if let Some(a) = item.take() {
                    out.push((a, *end));
                }
            }
            _ => {
                if in_top_list(&stack) && item.is_none() {
                    item = Some(*start);
                }
            }
        }
        last_end = *end;
    }
    out
}

impl Locator {
    /// Whether the text could be followed at all (balanced brackets).
    pub fn followed(&self) -> bool {
        self.root.is_some()
    }

    /// Scans `text`; a document it cannot follow locates everything at 1:1
    /// (ron will already have reported the syntax error).
    pub fn new(text: &str) -> Self {
        let mut scanner = Scanner::new(text);
        let root = scanner.value(0).ok();
        Self { root }
    }

    /// Keys given twice in one `{ … }` map, anywhere in the document: the
    /// key and both positions. Deserialising keeps the last silently.
    pub fn duplicate_keys(&self) -> Vec<(String, Pos, Pos)> {
        let mut out = Vec::new();
        let mut stack: Vec<&Node> = self.root.iter().map(|(_, n)| n).collect();
        while let Some(node) = stack.pop() {
            match node {
                Node::Scalar => {}
                Node::Fields(fields) => stack.extend(fields.values().map(|(_, n)| n)),
                Node::Items(items) => stack.extend(items.iter().map(|(_, n)| n)),
                Node::Entries(entries) => {
                    let mut first: BTreeMap<&str, Pos> = BTreeMap::new();
                    for (key, pos, n) in entries {
                        if let Some(earlier) = first.get(key.as_str()) {
                            out.push((key.clone(), *earlier, *pos));
                        } else {
                            first.insert(key, *pos);
                        }
                        stack.push(n);
                    }
                }
            }
        }
        out.sort_by_key(|(_, _, second)| *second);
        out
    }

    /// The position of the value at `path`, or of the deepest part of the
    /// path that exists.
    pub fn find(&self, path: &[Seg]) -> Pos {
        match &self.root {
            Some((pos, node)) => find_in(*pos, node, path),
            None => Pos { line: 1, col: 1 },
        }
    }
}

fn find_in(pos: Pos, node: &Node, path: &[Seg]) -> Pos {
    let Some((seg, rest)) = path.split_first() else {
        return pos;
    };
    let next = match (seg, node) {
        (Seg::Field(name), Node::Fields(fields)) => fields.get(*name).map(|(p, n)| (*p, n)),
        (Seg::Index(i), Node::Items(items)) => items.get(*i).map(|(p, n)| (*p, n)),
        (Seg::Key(k), Node::Entries(entries)) => entries.iter().find(|(key, _, _)| key == k).map(|(_, p, n)| (*p, n)),
        _ => None,
    };
    match (next, node) {
        (Some((p, n)), _) => find_in(p, n, rest),
        // A newtype enum variant such as `Not(Chance(2.0))` wraps its value in one item.
        (None, Node::Items(items)) if items.len() == 1 && !matches!(seg, Seg::Index(_)) => {
            find_in(items[0].0, &items[0].1, path)
        }
        (None, _) => pos,
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Open(char),
    Close(char),
    Colon,
    Comma,
    Str(String),
    Word(String),
}

struct Scanner {
    toks: Vec<(Pos, Tok)>,
    /// Each token's char range in the text.
    spans: Vec<(usize, usize)>,
    at: usize,
}

/// Deeper documents than this are not followed (ron refuses them too).
const MAX_DEPTH: usize = 128;

/// A position in the text being tokenized.
struct Cursor {
    chars: Vec<char>,
    i: usize,
    line: usize,
    col: usize,
}

impl Cursor {
    fn at(&self, k: usize) -> Option<char> {
        self.chars.get(self.i + k).copied()
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.at(0)?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }
}

impl Scanner {
    fn new(text: &str) -> Self {
        let mut cur = Cursor {
            chars: text.chars().collect(),
            i: 0,
            line: 1,
            col: 1,
        };
        let mut toks = Vec::new();
        let mut spans = Vec::new();
        while let Some(c) = cur.at(0) {
            let pos = cur.pos();
            let from = cur.i;
            let had = toks.len();
            match c {
                c if c.is_whitespace() => {
                    cur.bump();
                }
                '/' if cur.at(1) == Some('/') => {
                    while cur.at(0).is_some_and(|c| c != '\n') {
                        cur.bump();
                    }
                }
                '/' if cur.at(1) == Some('*') => {
                    // Block comments nest in RON.
                    let mut depth = 0usize;
                    while cur.at(0).is_some() {
                        if cur.at(0) == Some('/') && cur.at(1) == Some('*') {
                            depth += 1;
                            cur.bump();
                            cur.bump();
                        } else if cur.at(0) == Some('*') && cur.at(1) == Some('/') {
                            cur.bump();
                            cur.bump();
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        } else {
                            cur.bump();
                        }
                    }
                }
                '(' | '[' | '{' => {
                    toks.push((pos, Tok::Open(c)));
                    cur.bump();
                }
                ')' | ']' | '}' => {
                    toks.push((pos, Tok::Close(c)));
                    cur.bump();
                }
                ':' => {
                    toks.push((pos, Tok::Colon));
                    cur.bump();
                }
                ',' => {
                    toks.push((pos, Tok::Comma));
                    cur.bump();
                }
                '"' | '\'' => {
                    let quote = c;
                    let mut s = String::new();
                    cur.bump();
                    while let Some(c) = cur.at(0) {
                        if c == quote {
                            break;
                        }
                        if c == '\\' {
                            cur.bump();
                        }
                        if let Some(c) = cur.bump() {
                            s.push(c);
                        }
                    }
                    cur.bump();
                    toks.push((pos, Tok::Str(s)));
                }
                'r' if matches!(cur.at(1), Some('"') | Some('#')) => {
                    // Raw string: r"…" or r#"…"#.
                    cur.bump();
                    let mut hashes = 0;
                    while cur.at(0) == Some('#') {
                        hashes += 1;
                        cur.bump();
                    }
                    cur.bump();
                    let mut s = String::new();
                    while let Some(c) = cur.at(0) {
                        if c == '"' && (1..=hashes).all(|k| cur.at(k) == Some('#')) {
                            for _ in 0..=hashes {
                                cur.bump();
                            }
                            break;
                        }
                        s.push(c);
                        cur.bump();
                    }
                    toks.push((pos, Tok::Str(s)));
                }
                _ => {
                    let mut s = String::new();
                    while let Some(c) = cur.at(0) {
                        let comment = c == '/' && matches!(cur.at(1), Some('/') | Some('*'));
                        if c.is_whitespace() || "()[]{}:,\"'".contains(c) || comment {
                            break;
                        }
                        s.push(c);
                        cur.bump();
                    }
                    if s.is_empty() {
                        // A stray character: skip it rather than loop.
                        cur.bump();
                        continue;
                    }
                    toks.push((pos, Tok::Word(s)));
                }
            }
            if toks.len() > had {
                spans.push((from, cur.i));
            }
        }
        Self { toks, spans, at: 0 }
    }

    fn peek(&self, k: usize) -> Option<&Tok> {
        self.toks.get(self.at + k).map(|(_, t)| t)
    }

    fn next(&mut self) -> Result<(Pos, Tok), ()> {
        let t = self.toks.get(self.at).cloned().ok_or(())?;
        self.at += 1;
        Ok(t)
    }

    fn value(&mut self, depth: usize) -> Result<(Pos, Node), ()> {
        if depth > MAX_DEPTH {
            return Err(());
        }
        // Skip `#![enable(...)]` attributes at the top.
        while depth == 0 && matches!(self.peek(0), Some(Tok::Word(w)) if w.starts_with('#')) {
            self.next()?;
            self.skip_group()?;
        }
        let (pos, tok) = self.next()?;
        match tok {
            Tok::Word(_) if self.peek(0) == Some(&Tok::Open('(')) => {
                self.next()?;
                Ok((pos, self.paren(depth)?))
            }
            Tok::Word(_) | Tok::Str(_) => Ok((pos, Node::Scalar)),
            Tok::Open('(') => Ok((pos, self.paren(depth)?)),
            Tok::Open('[') => {
                let mut items = Vec::new();
                while self.peek(0) != Some(&Tok::Close(']')) {
                    items.push(self.value(depth + 1)?);
                    if self.peek(0) == Some(&Tok::Comma) {
                        self.next()?;
                    }
                }
                self.next()?;
                Ok((pos, Node::Items(items)))
            }
            Tok::Open('{') => {
                let mut entries = Vec::new();
                while self.peek(0) != Some(&Tok::Close('}')) {
                    let (kpos, key) = self.next()?;
                    let key = match key {
                        Tok::Str(s) | Tok::Word(s) => s,
                        _ => return Err(()),
                    };
                    if self.next()?.1 != Tok::Colon {
                        return Err(());
                    }
                    let (_, v) = self.value(depth + 1)?;
                    entries.push((key, kpos, v));
                    if self.peek(0) == Some(&Tok::Comma) {
                        self.next()?;
                    }
                }
                self.next()?;
                Ok((pos, Node::Entries(entries)))
            }
            _ => Err(()),
        }
    }

    /// After an opening parenthesis: named fields or positional items.
    fn paren(&mut self, depth: usize) -> Result<Node, ()> {
        let named = matches!(self.peek(0), Some(Tok::Word(_))) && self.peek(1) == Some(&Tok::Colon);
        if named {
            let mut fields = BTreeMap::new();
            while self.peek(0) != Some(&Tok::Close(')')) {
                let (_, name) = self.next()?;
                let Tok::Word(name) = name else { return Err(()) };
                if self.next()?.1 != Tok::Colon {
                    return Err(());
                }
                let v = self.value(depth + 1)?;
                fields.entry(name).or_insert(v);
                if self.peek(0) == Some(&Tok::Comma) {
                    self.next()?;
                }
            }
            self.next()?;
            Ok(Node::Fields(fields))
        } else {
            let mut items = Vec::new();
            while self.peek(0) != Some(&Tok::Close(')')) {
                items.push(self.value(depth + 1)?);
                if self.peek(0) == Some(&Tok::Comma) {
                    self.next()?;
                }
            }
            self.next()?;
            Ok(Node::Items(items))
        }
    }

    fn skip_group(&mut self) -> Result<(), ()> {
        let mut depth = 0i32;
        loop {
            match self.next()?.1 {
                Tok::Open(_) => depth += 1,
                Tok::Close(_) => {
                    depth -= 1;
                    if depth <= 0 {
                        return Ok(());
                    }
                }
                _ if depth == 0 => return Ok(()),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"// a comment
Scenario(
    meta: (name: "x", start: "2020-01"),
    states: [
        (id: "MLI", stability: 40),
        ( id: "NER",
          stability: 140, /* too much */ alignment: { "RUS": 10, "FRA": -5 }),
    ],
    events: [(effects: [Fire("e2"), Change(state: "XXX", delta: 1.0)])],
)"#;

    #[test]
    fn finds_nested_values() {
        let l = Locator::new(DOC);
        let stab = [Seg::Field("states"), Seg::Index(1), Seg::Field("stability")];
        assert_eq!(l.find(&stab), Pos { line: 7, col: 22 });
        let key = [
            Seg::Field("states"),
            Seg::Index(1),
            Seg::Field("alignment"),
            Seg::Key("FRA".into()),
        ];
        assert_eq!(l.find(&key), Pos { line: 7, col: 66 });
        let eff = [
            Seg::Field("events"),
            Seg::Index(0),
            Seg::Field("effects"),
            Seg::Index(1),
            Seg::Field("state"),
        ];
        assert_eq!(l.find(&eff), Pos { line: 9, col: 51 });
    }

    #[test]
    fn missing_parts_fall_back_to_the_deepest_found() {
        let l = Locator::new(DOC);
        let p = [Seg::Field("states"), Seg::Index(0), Seg::Field("nope")];
        assert_eq!(l.find(&p), Pos { line: 5, col: 9 });
        assert_eq!(Locator::new("(((").find(&p), Pos { line: 1, col: 1 });
    }
}
