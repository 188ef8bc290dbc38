// postgres::translate: the SQL of store/sql/ in SQLite's spelling, as PostgreSQL reads it.
#include <gtest/gtest.h>

#include "store/postgres/connection.hpp"

namespace meedoen::postgres {
namespace {

TEST(PostgresTranslate, PlainParametersAreNumberedInOrder) {
  EXPECT_EQ(translate("SELECT a FROM t WHERE b = ? AND c = ?"),
            "SELECT a FROM t WHERE b = $1 AND c = $2");
}

TEST(PostgresTranslate, NumberedParametersKeepTheirNumberAndPlainOnesFollowTheHighest) {
  EXPECT_EQ(translate("WHERE a >= ?2 AND b <= ?2 AND c = ?"),
            "WHERE a >= $2 AND b <= $2 AND c = $3");
}

TEST(PostgresTranslate, TextInQuotesIsLeftAsItIs) {
  EXPECT_EQ(translate("SELECT 'wat? ''CROSS JOIN'' group_concat(x)' FROM \"t?\" WHERE a = ?"),
            "SELECT 'wat? ''CROSS JOIN'' group_concat(x)' FROM \"t?\" WHERE a = $1");
}

TEST(PostgresTranslate, CrossJoinWithOnBecomesJoin) {
  EXPECT_EQ(translate("FROM a CROSS JOIN b ON b.id = a.id"), "FROM a JOIN b ON b.id = a.id");
  // Only the keyword: a name that ends in it stays.
  EXPECT_EQ(translate("SELECT xCROSS JOIN "), "SELECT xCROSS JOIN ");
}

TEST(PostgresTranslate, GroupConcatBecomesStringAggOverText) {
  EXPECT_EQ(translate("SELECT group_concat(w.wijk_id) FROM w WHERE w.user_id = ?"),
            "SELECT string_agg(CAST(w.wijk_id AS text), ',') FROM w WHERE w.user_id = $1");
  EXPECT_EQ(translate("group_concat(coalesce(a, ?))"),
            "string_agg(CAST(coalesce(a, $1) AS text), ',')");
}

TEST(PostgresTranslate, TheIdListOfForIdsBecomesUnnestOfAnArray) {
  EXPECT_EQ(translate("SELECT v.x FROM json_each(?1) ids CROSS JOIN v ON v.id = ids.value "
                      "WHERE v.at >= ?2"),
            "SELECT v.x FROM unnest(CAST($1 AS bigint[])) AS ids(value) JOIN v ON v.id = "
            "ids.value WHERE v.at >= $2");
}

TEST(PostgresTranslate, AnUnterminatedQuoteIsAnError) {
  EXPECT_THROW(translate("SELECT 'open"), sql::DbError);
  EXPECT_THROW(translate("SELECT group_concat(a"), sql::DbError);
}

}  // namespace
}  // namespace meedoen::postgres
