// The services this process serves, by resolver name. Filled explicitly in one place (main).
#pragma once

#include "service/service.hpp"

#include <memory>
#include <string_view>
#include <vector>

namespace cloudbox::service {

class registry {
  public:
    void add(std::unique_ptr<aws_service> svc) { services_.push_back(std::move(svc)); }
    aws_service* find(std::string_view name) const {
        for (const auto& s : services_) {
            if (s->name() == name) {
                return s.get();
            }
        }
        return nullptr;
    }
    const std::vector<std::unique_ptr<aws_service>>& all() const { return services_; }

  private:
    std::vector<std::unique_ptr<aws_service>> services_;
};

} // namespace cloudbox::service
