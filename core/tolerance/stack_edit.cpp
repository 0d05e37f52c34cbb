// Editing the tolerance stacks of a plan (see stack_edit.h).
// [SECTION] Finding   [SECTION] Stacks   [SECTION] Contributors   [SECTION] 1D chain ⇄ 2D loop
#include "tolerance/stack_edit.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "roads/roads_edit.h"
#include "tolerance/stack_analysis.h"

namespace mf {

namespace {

bool id_taken(const Plan& p, const std::string& id) {
    const auto ids = all_ids(p);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string no_stack(const std::string& stack_id) { return "no stack \"" + stack_id + "\""; }
std::string no_contributor(const std::string& id) { return "no contributor \"" + id + "\" in this stack"; }
std::string taken(const std::string& id) { return "the id \"" + id + "\" is already used in the plan"; }

// name + " (copy)", or the name itself when the copy's name would be longer than a file allows.
std::string copy_name(const std::string& name) {
    std::string copy = name + " (copy)";
    return copy.size() <= kMaxStackNameLength ? copy : name;
}

// The index just after the contributor after_id; the end when it is "" or not in the stack.
size_t insert_position(const Stack& s, const std::string& after_id) {
    const int k = after_id.empty() ? -1 : contributor_index(s, after_id);
    return k < 0 ? s.contributors.size() : static_cast<size_t>(k) + 1;
}

}  // namespace

// [SECTION] Finding ----------------------------------------------------------------------

Stack* find_stack(Plan& p, const std::string& stack_id) {
    for (auto& s : p.stacks)
        if (s.id == stack_id) return &s;
    return nullptr;
}

const Stack* find_stack(const Plan& p, const std::string& stack_id) {
    for (const auto& s : p.stacks)
        if (s.id == stack_id) return &s;
    return nullptr;
}

Contributor* find_contributor(Plan& p, const std::string& stack_id, const std::string& contributor_id) {
    Stack* s = find_stack(p, stack_id);
    const int k = s ? contributor_index(*s, contributor_id) : -1;
    return k < 0 ? nullptr : &s->contributors[static_cast<size_t>(k)];
}

int contributor_index(const Stack& s, const std::string& contributor_id) {
    for (size_t i = 0; i < s.contributors.size(); ++i)
        if (s.contributors[i].id == contributor_id) return static_cast<int>(i);
    return -1;
}

// [SECTION] Stacks -----------------------------------------------------------------------

std::string add_stack(Plan& p, const std::string& stack_id, const std::string& name) {
    if (id_taken(p, stack_id)) return taken(stack_id);
    Stack s;
    s.id = stack_id;
    s.name = name;
    p.stacks.push_back(std::move(s));
    return "";
}

std::string duplicate_stack(Plan& p, const std::string& stack_id, const std::string& new_stack_id) {
    const Stack* src = find_stack(p, stack_id);
    if (!src) return no_stack(stack_id);
    if (id_taken(p, new_stack_id)) return taken(new_stack_id);
    Stack s = *src;
    s.id = new_stack_id;
    s.name = copy_name(src->name);
    // Fresh contributor ids k1, k2, … skipping every id in use; loop references follow.
    std::set<std::string> used;
    for (const auto& id : all_ids(p)) used.insert(id);
    used.insert(s.id);
    std::map<std::string, std::string> renamed;
    size_t n = 1;
    for (auto& c : s.contributors) {
        std::string id;
        do id = "k" + std::to_string(n++);
        while (used.count(id));
        used.insert(id);
        renamed[c.id] = id;
        c.id = id;
    }
    if (s.loop)
        for (auto& v : s.loop->vectors) {
            if (renamed.count(v.length_from)) v.length_from = renamed[v.length_from];
            if (renamed.count(v.angle_from)) v.angle_from = renamed[v.angle_from];
        }
    const auto at = std::find_if(p.stacks.begin(), p.stacks.end(), [&](const Stack& x) { return x.id == stack_id; });
    p.stacks.insert(at + 1, std::move(s));
    return "";
}

std::string delete_stack(Plan& p, const std::string& stack_id) {
    const auto it = std::find_if(p.stacks.begin(), p.stacks.end(), [&](const Stack& x) { return x.id == stack_id; });
    if (it == p.stacks.end()) return no_stack(stack_id);
    p.stacks.erase(it);
    prune_roads(p);  // its contributors no longer follow a road
    return "";
}

// [SECTION] Contributors -----------------------------------------------------------------

std::string add_contributor(Plan& p, const std::string& stack_id, const std::string& after_id,
                            const std::string& contributor_id, const std::string& name) {
    Stack* s = find_stack(p, stack_id);
    if (!s) return no_stack(stack_id);
    if (id_taken(p, contributor_id)) return taken(contributor_id);
    Contributor c;
    c.id = contributor_id;
    c.name = name;
    const size_t at = insert_position(*s, after_id);
    s->contributors.insert(s->contributors.begin() + static_cast<long>(at), std::move(c));
    return "";
}

std::string duplicate_contributor(Plan& p, const std::string& stack_id, const std::string& contributor_id,
                                  const std::string& new_contributor_id) {
    Stack* s = find_stack(p, stack_id);
    if (!s) return no_stack(stack_id);
    const int k = contributor_index(*s, contributor_id);
    if (k < 0) return no_contributor(contributor_id);
    if (id_taken(p, new_contributor_id)) return taken(new_contributor_id);
    Contributor c = s->contributors[static_cast<size_t>(k)];
    c.id = new_contributor_id;
    c.name = copy_name(c.name);
    s->contributors.insert(s->contributors.begin() + k + 1, std::move(c));
    return "";
}

std::string remove_contributor(Plan& p, const std::string& stack_id, const std::string& contributor_id) {
    Stack* s = find_stack(p, stack_id);
    if (!s) return no_stack(stack_id);
    const int k = contributor_index(*s, contributor_id);
    if (k < 0) return no_contributor(contributor_id);
    s->contributors.erase(s->contributors.begin() + k);
    prune_roads(p);  // it no longer follows a road
    if (!s->loop) return "";
    auto& v = s->loop->vectors;
    v.erase(std::remove_if(v.begin(), v.end(), [&](const LoopVector& x) { return x.length_from == contributor_id; }),
            v.end());
    for (auto& x : v)
        if (x.angle_from == contributor_id) x.angle_from.clear();
    if (v.empty()) s->loop.reset();
    return "";
}

std::string move_contributor(Plan& p, const std::string& stack_id, const std::string& contributor_id, int by) {
    Stack* s = find_stack(p, stack_id);
    if (!s) return no_stack(stack_id);
    const int a = contributor_index(*s, contributor_id);
    if (a < 0) return no_contributor(contributor_id);
    const int b = a + by;
    if (b < 0 || b >= static_cast<int>(s->contributors.size()))
        return by < 0 ? "already the first contributor" : "already the last contributor";
    // One row at a time, so a move by more than one keeps the order of the rows it passes.
    for (int i = a; i != b; i += by < 0 ? -1 : 1)
        std::swap(s->contributors[static_cast<size_t>(i)], s->contributors[static_cast<size_t>(i + (by < 0 ? -1 : 1))]);
    return "";
}

std::string insert_contributors(Plan& p, const std::string& stack_id, const std::string& after_id,
                                std::vector<Contributor> rows) {
    Stack* s = find_stack(p, stack_id);
    if (!s) return no_stack(stack_id);
    if (rows.empty()) return "nothing to insert: no rows";
    size_t at = insert_position(*s, after_id);
    for (Contributor& row : rows) {
        // Fresh ids for rows without one and for any already in the plan (earlier rows included).
        if (row.id.empty() || id_taken(p, row.id)) row.id = new_id(p, "k");
        s->contributors.insert(s->contributors.begin() + static_cast<long>(at++), std::move(row));
    }
    return "";
}

std::string set_contributor_kind(Plan& p, const std::string& stack_id, const std::string& contributor_id,
                                 DimensionKind kind) {
    Stack* s = find_stack(p, stack_id);
    if (!s) return no_stack(stack_id);
    if (std::string why = kind_refusal(*s, contributor_id, kind); !why.empty()) return why;
    const int k = contributor_index(*s, contributor_id);
    Contributor& c = s->contributors[static_cast<size_t>(k)];
    c.kind = kind;
    if (kind == DimensionKind::Angle) {  // angles do not expand with temperature
        c.material.clear();
        c.cte.reset();
    }
    prune_roads(p);  // a road Cpk does not apply to an angle
    return "";
}

std::string kind_refusal(const Stack& s, const std::string& contributor_id, DimensionKind kind) {
    if (contributor_index(s, contributor_id) < 0) return no_contributor(contributor_id);
    if (s.loop)
        for (size_t v = 0; v < s.loop->vectors.size(); ++v) {
            const LoopVector& lv = s.loop->vectors[v];
            if (kind == DimensionKind::Angle && lv.length_from == contributor_id)
                return "loop vector " + std::to_string(v + 1) + " takes its length from it: it must stay a length";
            if (kind == DimensionKind::Length && lv.angle_from == contributor_id)
                return "loop vector " + std::to_string(v + 1) + " takes its angle from it: it must stay an angle";
        }
    return "";
}

void set_distribution_kind(Contributor& c, DistributionKind kind) {
    Distribution& d = c.distribution;
    d.kind = kind;
    if (kind != DistributionKind::SkewNormal) d.skew = 0;
    if (kind != DistributionKind::Triangular) d.mode.reset();
    if (kind != DistributionKind::Lognormal) {
        d.sigma_log = 0;
        return;
    }
    // A lognormal starts with the spread of a Cp 1 normal: σ ≈ m·s for a small s, so
    // s = T/(3m) (m the median), kept within (0, 3]; 0.1 when the median is not positive.
    const double half = 0.5 * (c.tol_plus + c.tol_minus);
    const double median = c.nominal + 0.5 * (c.tol_plus - c.tol_minus) + d.shift;
    const double s = median > 0 && half > 0 ? half / (3.0 * median) : 0.1;
    d.sigma_log = std::isfinite(s) ? std::clamp(s, 1e-9, 3.0) : 0.1;
}

void set_sigma_given_by(Contributor& c, NormalBy by, double current_sigma) {
    Distribution& d = c.distribution;
    d.by = by;
    if (by == NormalBy::Sigma && current_sigma > 0 && std::isfinite(current_sigma)) d.sigma = current_sigma;
    if (by != NormalBy::Sigma && !(d.capability > 0)) d.capability = 1;
}

// [SECTION] 1D chain ⇄ 2D loop -----------------------------------------------------------

namespace {

// A length that a loop can carry as a vector along 0° or 180°: the same gap.
bool straight_length(const Contributor& c) {
    return loop_length_candidate(c) && std::fabs(std::fabs(c.sensitivity) - 1) < 1e-12;
}

}  // namespace

bool loop_length_candidate(const Contributor& c) { return c.kind == DimensionKind::Length && c.nominal > 0; }

std::string loop_refusal(const Stack& s) {
    if (s.loop) return "the stack is already a 2D loop";
    if (std::none_of(s.contributors.begin(), s.contributors.end(), straight_length))
        return "needs a length with sensitivity +1 or −1 and a nominal above 0";
    return "";
}

std::string make_loop(Plan& p, const std::string& stack_id) {
    Stack* s = find_stack(p, stack_id);
    if (!s) return no_stack(stack_id);
    if (std::string why = loop_refusal(*s); !why.empty()) return why;
    VectorLoop loop;
    for (const auto& c : s->contributors)
        if (straight_length(c)) {
            LoopVector v;
            v.length_from = c.id;
            v.angle = c.sensitivity > 0 ? 0 : 180;
            loop.vectors.push_back(v);
        }
    s->loop = std::move(loop);
    return "";
}

std::string make_chain(Plan& p, const std::string& stack_id) {
    Stack* s = find_stack(p, stack_id);
    if (!s) return no_stack(stack_id);
    if (!s->loop) return "the stack is already a 1D chain";
    const LinearStack lin = linearize_stack(*s, s->measurement_temperature);
    if (!lin.errors.empty()) return "the loop cannot be resolved: " + to_string(lin.errors.front());
    for (const LinearTerm& t : lin.terms)
        if (t.from_loop) {
            // Rounding noise is no sensitivity: cos 90° is 6e-17.
            const double v = std::fabs(t.sensitivity) < 1e-12 ? 0.0 : t.sensitivity;
            s->contributors[t.index].sensitivity = v;
        }
    s->loop.reset();
    return "";
}

std::string add_loop_vector(Plan& p, const std::string& stack_id) {
    Stack* s = find_stack(p, stack_id);
    if (!s) return no_stack(stack_id);
    if (!s->loop) return "the stack is a 1D chain: make it a 2D loop first";
    LoopVector v;
    for (const auto& c : s->contributors) {
        if (!loop_length_candidate(c)) continue;
        const auto& vs = s->loop->vectors;
        if (std::none_of(vs.begin(), vs.end(), [&](const LoopVector& x) { return x.length_from == c.id; })) {
            v.length_from = c.id;
            break;
        }
    }
    if (v.length_from.empty()) v.length = 1.0;
    s->loop->vectors.push_back(v);
    return "";
}

std::string remove_loop_vector(Plan& p, const std::string& stack_id, size_t index) {
    Stack* s = find_stack(p, stack_id);
    if (!s) return no_stack(stack_id);
    if (!s->loop || index >= s->loop->vectors.size()) return "no loop vector " + std::to_string(index + 1);
    if (s->loop->vectors.size() == 1) return "a loop needs at least one vector: make it a 1D chain instead";
    s->loop->vectors.erase(s->loop->vectors.begin() + static_cast<long>(index));
    return "";
}

std::string set_vector_length_from(Plan& p, const std::string& stack_id, size_t index,
                                   const std::string& contributor_id) {
    Stack* s = find_stack(p, stack_id);
    if (!s) return no_stack(stack_id);
    if (!s->loop || index >= s->loop->vectors.size()) return "no loop vector " + std::to_string(index + 1);
    LoopVector& v = s->loop->vectors[index];
    if (contributor_id.empty()) {
        const int k = contributor_index(*s, v.length_from);
        if (k >= 0) v.length = s->contributors[static_cast<size_t>(k)].nominal;  // starts where the part was
        v.length_from.clear();
        return "";
    }
    const int k = contributor_index(*s, contributor_id);
    if (k < 0) return no_contributor(contributor_id);
    const Contributor& c = s->contributors[static_cast<size_t>(k)];
    if (c.kind != DimensionKind::Length) return "\"" + c.name + "\" is an angle, not a length";
    if (!loop_length_candidate(c))
        return "\"" + c.name + "\" has no length (nominal not above 0): a loop vector must be longer than 0";
    v.length_from = contributor_id;
    return "";
}

}  // namespace mf
