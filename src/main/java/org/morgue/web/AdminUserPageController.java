package org.morgue.web;

import org.morgue.user.InvalidUserException;
import org.morgue.user.Role;
import org.morgue.user.UserAlreadyExistsException;
import org.morgue.user.UserNotFoundException;
import org.morgue.user.UserService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators create users, set their roles, disable them and reset their passwords.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminUserPageController {

	private final UserService users;

	AdminUserPageController(UserService users) {
		this.users = users;
	}

	@GetMapping("/admin/users")
	String list(Model model) {
		model.addAttribute("users", users.list());
		model.addAttribute("roles", Role.values());
		return "admin/users";
	}

	@PostMapping("/admin/users")
	String create(@RequestParam String username, @RequestParam String password, @RequestParam Role role,
			RedirectAttributes redirect) {
		try {
			users.create(username.strip(), password, role);
			redirect.addFlashAttribute("message",
					"Created " + username.strip() + " as " + role.name().toLowerCase() + ".");
		}
		catch (InvalidUserException | UserAlreadyExistsException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{username}")
	String update(@PathVariable String username, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Boolean enabled, @RequestParam(required = false) String password,
			RedirectAttributes redirect) {
		try {
			users.update(username, role, enabled, (password != null && !password.isEmpty()) ? password : null);
			redirect.addFlashAttribute("message", "Updated " + username + ".");
		}
		catch (InvalidUserException | UserNotFoundException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/users";
	}

}
