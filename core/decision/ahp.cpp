#include "decision/ahp.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace mf {

double saaty_random_index(size_t n) {
    static const double kRI[] = {0.00, 0.00, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                                 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
    if (n < 1 || n > 15) return -1;
    return kRI[n - 1];
}

double alonso_lamata_random_index(size_t n) {
    if (n < 2) return -1;
    const double x = static_cast<double>(n);
    return (1.7699 * x - 4.3513) / (x - 1.0);
}

double random_index(size_t n) { return n <= 15 ? saaty_random_index(n) : alonso_lamata_random_index(n); }

const char* random_index_source(size_t n) { return n <= 15 ? kRandomIndexTable : kRandomIndexFit; }

std::vector<double> geometric_mean_weights(const std::vector<std::vector<double>>& a) {
    const size_t n = a.size();
    std::vector<double> g(n, 0.0);
    if (n == 0) return g;
    // Mean of the logarithms, then exp relative to the largest: no overflow for any n.
    double top = -INFINITY;
    for (size_t i = 0; i < n; ++i) {
        double s = 0;
        for (double x : a[i]) s += std::log(x);
        g[i] = s / static_cast<double>(n);
        top = std::max(top, g[i]);
    }
    double sum = 0;
    for (double& x : g) {
        x = std::exp(x - top);
        sum += x;
    }
    for (double& x : g) x /= sum;
    return g;
}

AhpResult ahp_weights(const std::vector<std::vector<double>>& a, int max_iterations, double tolerance) {
    AhpResult r;
    const size_t n = a.size();
    if (n == 0) {
        r.errors.push_back("the pairwise-comparison matrix is empty");
        return r;
    }
    for (size_t i = 0; i < n; ++i) {
        if (a[i].size() != n) {
            r.errors.push_back("the pairwise-comparison matrix is not square");
            return r;
        }
    }
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j) {
            const double x = a[i][j];
            if (!std::isfinite(x) || !(x > 0)) {
                r.errors.push_back("entry (" + std::to_string(i + 1) + ", " + std::to_string(j + 1) +
                                   ") must be a positive number");
                return r;
            }
            if (std::fabs(x * a[j][i] - 1.0) > 1e-9) {
                r.errors.push_back("entries (" + std::to_string(i + 1) + ", " + std::to_string(j + 1) + ") and (" +
                                   std::to_string(j + 1) + ", " + std::to_string(i + 1) +
                                   ") are not reciprocal (a_ji must be 1/a_ij)");
                return r;
            }
        }
    // Power iteration from the uniform vector; A is positive, so it converges to the Perron vector.
    std::vector<double> w(n, 1.0 / n), next(n);
    for (r.iterations = 1; r.iterations <= max_iterations; ++r.iterations) {
        double sum = 0;
        for (size_t i = 0; i < n; ++i) {
            double s = 0;
            for (size_t j = 0; j < n; ++j) s += a[i][j] * w[j];
            next[i] = s;
            sum += s;
        }
        double change = 0;
        for (size_t i = 0; i < n; ++i) {
            next[i] /= sum;
            change = std::max(change, std::fabs(next[i] - w[i]));
        }
        w.swap(next);
        if (change <= tolerance) {
            r.converged = true;
            break;
        }
    }
    r.weights = w;
    r.geometric_mean_weights = geometric_mean_weights(a);
    double lambda = 0;  // Σ_i (A w)_i = λ Σ_i w_i = λ
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j) lambda += a[i][j] * w[j];
    r.lambda_max = lambda;
    r.ci = n > 1 ? (lambda - static_cast<double>(n)) / static_cast<double>(n - 1) : 0.0;
    if (r.ci < 0 && r.ci > -1e-12) r.ci = 0;  // rounding on a consistent matrix
    r.ri = random_index(n);
    r.random_index_table = random_index_source(n);
    if (n <= 2) {
        r.cr = 0;  // every 1×1 and 2×2 reciprocal matrix is consistent
    } else if (r.ri > 0) {
        r.cr = r.ci / r.ri;
    } else {  // unreachable while random_index() covers every n >= 3; never call it consistent
        r.cr_available = false;
        r.cr = 0;
        r.errors.push_back("no random index for n = " + std::to_string(n) + ", so consistency cannot be judged");
    }
    r.consistent = r.cr_available && r.cr <= kAhpConsistencyLimit;
    double worst = -1;
    for (size_t i = 0; i < n; ++i)
        for (size_t j = i + 1; j < n; ++j) {
            const double implied = w[i] / w[j];
            const double dev = std::fabs(std::log(a[i][j] / implied));
            if (dev > worst) {
                worst = dev;
                r.worst_i = static_cast<int>(i);
                r.worst_j = static_cast<int>(j);
                r.worst_given = a[i][j];
                r.worst_implied = implied;
            }
        }
    if (!r.converged)
        r.errors.push_back("power iteration did not converge in " + std::to_string(max_iterations) + " steps");
    return r;
}

AhpMatrix ahp_matrix(const std::vector<Criterion>& criteria, const std::vector<Judgement>& judgements) {
    AhpMatrix m;
    const size_t n = criteria.size();
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < n; ++i) index.emplace(criteria[i].id, i);
    m.a.assign(n, std::vector<double>(n, 0.0));
    for (size_t i = 0; i < n; ++i) m.a[i][i] = 1.0;
    for (const auto& j : judgements) {
        auto a = index.find(j.a), b = index.find(j.b);
        if (a == index.end() || b == index.end() || a->second == b->second || !(j.ratio > 0)) {
            m.errors.push_back("judgement \"" + j.a + "\" against \"" + j.b + "\" is not usable");
            continue;
        }
        m.a[a->second][b->second] = j.ratio;
        m.a[b->second][a->second] = 1.0 / j.ratio;
    }
    for (size_t i = 0; i < n; ++i)
        for (size_t k = i + 1; k < n; ++k)
            if (m.a[i][k] == 0)
                m.errors.push_back("no judgement of \"" + criteria[i].id + "\" against \"" + criteria[k].id + "\"");
    return m;
}

}  // namespace mf
