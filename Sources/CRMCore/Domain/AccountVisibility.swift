/// Who sees an account (AC-2): its flags read as one choice, since an account visible to all
/// cannot at the same time be seen only by its creator.
public enum AccountVisibility: String, Sendable, Hashable, CaseIterable {
    /// Seen as the user's role allows (ST-3).
    case normal
    /// Seen by everyone, whatever their role.
    case global
    /// Seen only by its creator, not even by administrators.
    case `private`

    public var title: String {
        switch self {
        case .normal: "Normal"
        case .global: "Global — visible to all"
        case .private: "Private — only me"
        }
    }
}

extension AccountDraft {
    /// The account's flags as one choice; setting it sets both flags. Reads `private` when a
    /// draft holds both flags, which `validate` refuses.
    public var visibility: AccountVisibility {
        get { isPrivate ? .private : (isGlobal ? .global : .normal) }
        set {
            isGlobal = newValue == .global
            isPrivate = newValue == .private
        }
    }
}
