// Fusion adaptations of the `.assess` AST, for the grammar rules that fill
// a struct by attribute propagation (the others use semantic actions).
#pragma once
#include <boost/fusion/include/adapt_struct.hpp>

#include "dsl/scheme_ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(jf::ast::Department, id, display, kind)
BOOST_FUSION_ADAPT_STRUCT(jf::ast::Group, id, points)
BOOST_FUSION_ADAPT_STRUCT(jf::ast::IndicatorOpen, id, display)
BOOST_FUSION_ADAPT_STRUCT(jf::ast::Deduct, points, event, cap)
BOOST_FUSION_ADAPT_STRUCT(jf::ast::Action, word, amount)
BOOST_FUSION_ADAPT_STRUCT(jf::ast::Penalty, trigger, actions)
