// A rule stops at its step budget before the work a charge pays for (issue
// 18): `matches` and `contains` on a long string charge len/64 steps first,
// so a search the budget cannot pay for never runs. The budget used to be
// checked at the next step only, so a rule whose last work was such a search
// did it and ended over its budget without a JF010.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <memory>
#include <string>

#include "base/model.hpp"
#include "engine/facts.hpp"
#include "engine/rule_eval.hpp"
#include "engine/rule_model.hpp"

using namespace jf;

namespace {

struct EmptyModel {
  Scheme scheme;
  Facts facts;
  rt::Model model{scheme, facts};
};

// `text matches "a+b"` with a precompiled pattern, as a literal pattern compiles.
rt::NodePtr matches_node(const std::string& text) {
  auto re = std::make_shared<const re2::RE2>("a+b");
  return rt::make_matches(rt::make_const(rt::Value::view(text)), rt::make_const(rt::Value::view("a+b")), re);
}

}  // namespace

TEST(StepCharge, MatchesStopsBeforeASearchTheBudgetCannotPayFor) {
  EmptyModel m;
  // Charged 202 steps: the node, the text (a constant) and 200 for the search.
  const std::string text(64 * 200, 'a');
  rt::NodePtr n = matches_node(text);
  rt::Env short_of_it(m.model, 0, 201);
  EXPECT_THROW(n->eval(short_of_it), rt::RuntimeError);
  EXPECT_EQ(short_of_it.regex_units, 0u) << "the search ran although the budget could not pay for it";
}

TEST(StepCharge, MatchesRunsWhenTheBudgetPaysExactly) {
  EmptyModel m;
  const std::string text(64 * 200, 'a');
  rt::NodePtr n = matches_node(text);
  rt::Env exact(m.model, 0, 202);
  EXPECT_FALSE(n->eval(exact).truthy());
  EXPECT_EQ(exact.steps, 202u);
  EXPECT_GT(exact.regex_units, 0u);
}

TEST(StepCharge, ContainsStopsBeforeASearchTheBudgetCannotPayFor) {
  EmptyModel m;
  const std::string text(64 * 200, 'a');
  rt::NodePtr n = rt::make_binary(rt::BinOp::contains, rt::make_const(rt::Value::view(text)),
                                  rt::make_const(rt::Value::view("b")));
  // Charged 203 steps: the node, its two constants and 200 for the search.
  rt::Env short_of_it(m.model, 0, 202);
  EXPECT_THROW(n->test(short_of_it), rt::RuntimeError);
  rt::Env exact(m.model, 0, 203);
  EXPECT_FALSE(n->test(exact));
  EXPECT_EQ(exact.steps, 203u);
}
