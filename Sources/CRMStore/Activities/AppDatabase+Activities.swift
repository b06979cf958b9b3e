import CRMCore

extension AppDatabase {
    /// Sales activity categories, changed on behalf of `user`.
    public func activityCategories(actingAs user: User) -> ActivityCategoryRepository {
        ActivityCategoryRepository(database: self, actor: user)
    }

    /// The sales activities `user` may see and change.
    public func salesActivities(actingAs user: User) -> SalesActivityRepository {
        SalesActivityRepository(database: self, actor: user)
    }
}
