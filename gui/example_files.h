// The example plans and tables compiled into the app (scripts/embed.py writes their bytes into
// generated/example_plans.cpp at build time): File › Examples and the start page list them.
#pragma once

struct EmbeddedFile {
    const char* name;  // file name, e.g. "micro-gearbox.mfplan.json"
    const unsigned char* data;
    unsigned int size;
};
extern const EmbeddedFile mf_example_plans[];  // sorted by name
extern const unsigned int mf_example_plans_count;
