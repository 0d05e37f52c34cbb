// Schedule Monte Carlo blocks for a Web Worker (schedule/schedule_blocks.h).
#include "schedule/schedule_blocks.h"

#include <algorithm>

#include "plan/section_json.h"

namespace mf {

// {"iterations", "seed", "start": "YYYY-MM-DD", "deadline": "YYYY-MM-DD" (optional),
//  "schedule": the section as in a plan file, "cpk_dof": {"task id": ν} (set by measured links,
//  not part of the file)}
static json request_json(const McInput& in) {
    json j = json::object();
    j["iterations"] = in.iterations;
    j["seed"] = in.seed;
    j["start"] = format_iso_date(in.problem.start);
    if (in.problem.deadline) j["deadline"] = format_iso_date(*in.problem.deadline);
    j["schedule"] = write_schedule(in.problem.section);
    json dof = json::object();
    for (const Task& t : in.problem.section.tasks)
        if (t.gate.cpk && t.gate.cpk->dof != 0) dof[t.id] = t.gate.cpk->dof;
    j["cpk_dof"] = std::move(dof);
    return j;
}

bool read_schedule_blocks_request(const std::string& request, McInput& out) {
    const json j = json::parse(request, nullptr, false);
    if (!j.is_object()) return false;
    const auto it = j.find("iterations"), seed = j.find("seed"), start = j.find("start"), sched = j.find("schedule"),
               dof = j.find("cpk_dof");
    if (it == j.end() || !it->is_number_integer() || seed == j.end() || !seed->is_number_unsigned() ||
        start == j.end() || !start->is_string() || sched == j.end() || dof == j.end() || !dof->is_object())
        return false;
    out = McInput{};
    out.iterations = it->get<int>();
    out.seed = seed->get<uint64_t>();
    const std::optional<Date> s = parse_iso_date(start->get<std::string>());
    if (!s) return false;
    out.problem.start = *s;
    if (const auto d = j.find("deadline"); d != j.end()) {
        if (!d->is_string()) return false;
        out.problem.deadline = parse_iso_date(d->get<std::string>());
        if (!out.problem.deadline) return false;
    }
    JsonReader reader;
    read_schedule(*sched, "", reader, out.problem.section);
    if (!reader.ok()) return false;
    for (Task& t : out.problem.section.tasks)
        if (const auto v = dof->find(t.id); v != dof->end()) {
            if (!t.gate.cpk || !v->is_number()) return false;
            t.gate.cpk->dof = v->get<double>();
        }
    return true;
}

// Holidays are written sorted and without repeats, which changes no working day.
static void sort_holidays(ScheduleSection& s) {
    auto tidy = [](std::vector<Date>& h) {
        std::sort(h.begin(), h.end());
        h.erase(std::unique(h.begin(), h.end()), h.end());
    };
    tidy(s.calendar.holidays);
    for (NamedCalendar& c : s.calendars) tidy(c.calendar.holidays);
}

std::optional<std::string> schedule_blocks_request(const McInput& in) {
    std::string text = request_json(in).dump();
    McInput back;
    if (!read_schedule_blocks_request(text, back)) return std::nullopt;
    McInput same = in;
    sort_holidays(same.problem.section);
    if (!(back == same)) return std::nullopt;
    return text;
}

std::unique_ptr<ScheduleMonteCarlo> schedule_run_from_request(const std::string& request) {
    McInput in;
    if (!read_schedule_blocks_request(request, in)) return nullptr;
    auto run = std::make_unique<ScheduleMonteCarlo>(std::move(in));
    if (!run->errors().empty()) return nullptr;
    return run;
}

bool compute_schedule_blocks(const std::string& request, size_t first, size_t count, Bytes& out) {
    const std::unique_ptr<ScheduleMonteCarlo> run = schedule_run_from_request(request);
    if (!run) return false;
    out = write_schedule_blocks(run->sample_blocks(first, count));
    return true;
}

Bytes write_schedule_blocks(const ScheduleBlocks& b) {
    ByteWriter w;
    w.u64(b.first);
    w.u64(b.count);
    w.array(b.finish);
    w.array(b.durations);
    w.array(b.task_finish);
    w.array(b.critical);
    w.array(b.loops);
    return w.take();
}

bool read_schedule_blocks(const Bytes& bytes, ScheduleBlocks& out) {
    ByteReader r(bytes);
    r.size(out.first);
    r.size(out.count);
    r.array(out.finish);
    r.array(out.durations);
    r.array(out.task_finish);
    r.array(out.critical);
    r.array(out.loops);
    return r.done();
}

}  // namespace mf
