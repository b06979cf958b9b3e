/// The project tree (PR-1) built from every project's parent link: display order with depth,
/// subtrees, and the rule that a parent may not be the project itself or one of its
/// descendants (which would make a cycle).
///
/// Projects are few (tens, perhaps hundreds), so the whole tree is held in memory.
public struct ProjectHierarchy: Sendable {
    /// One line of the tree in display order.
    public struct Entry: Sendable, Hashable {
        public var project: Project
        /// 0 for a top-level project, 1 for its subprojects, and so on.
        public var depth: Int
    }

    public let projects: [Int64: Project]
    private let children: [Int64?: [Project]]

    public init(_ projects: [Project]) {
        self.projects = Dictionary(projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let known = self.projects
        // A parent that is missing (never in practice: the store keeps references) makes a root.
        let grouped = Dictionary(grouping: projects) { project in project.parentID.flatMap { known[$0] == nil ? nil : $0 } }
        children = grouped.mapValues { siblings in
            siblings.sorted { (SearchText.fold($0.name), $0.id) < (SearchText.fold($1.name), $1.id) }
        }
    }

    /// Every project, parents before their subprojects, siblings by name.
    public var entries: [Entry] {
        var result: [Entry] = []
        var visited = Set<Int64>()
        func walk(_ parent: Int64?, depth: Int) {
            for project in children[parent] ?? [] where visited.insert(project.id).inserted {
                result.append(Entry(project: project, depth: depth))
                walk(project.id, depth: depth + 1)
            }
        }
        walk(nil, depth: 0)
        return result
    }

    /// The project and all its descendants, in display order.
    public func subtreeIDs(of id: Int64) -> [Int64] {
        var result = [id]
        var index = 0
        while index < result.count {
            let next = (children[result[index]] ?? []).map(\.id).filter { !result.contains($0) }
            result += next
            index += 1
        }
        return result
    }

    /// Why `parentID` cannot be the parent of project `id` (nil for a new project), or nil
    /// when it can.
    public func parentProblem(for id: Int64?, parentID: Int64?) -> FieldError? {
        guard let parentID else { return nil }
        let field = ProjectDraft.Field.parentID.rawValue
        guard let parent = projects[parentID] else {
            return FieldError(field: field, message: "Choose an existing parent project.")
        }
        guard let id else { return nil }
        if parentID == id {
            return FieldError(field: field, message: "A project cannot be its own parent.")
        }
        if subtreeIDs(of: id).contains(parentID) {
            return FieldError(
                field: field,
                message: "“\(parent.name)” is a subproject of this project; making it the parent would create a cycle.")
        }
        return nil
    }
}
