import CRMCore
import CRMStore

extension AppSession {
    /// Sales activity categories (SA-1, ST-5).
    public var activityCategories: ActivityCategoryRepository { database.activityCategories(actingAs: user) }
    /// The sales activities this user may see (SA-1, SA-2).
    public var salesActivities: SalesActivityRepository { database.salesActivities(actingAs: user) }
}
