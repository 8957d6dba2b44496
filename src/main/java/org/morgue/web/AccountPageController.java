package org.morgue.web;

import java.security.Principal;

import org.morgue.user.ApiTokenService;
import org.morgue.user.InvalidUserException;
import org.morgue.user.NewApiToken;
import org.morgue.user.UserNotFoundException;
import org.morgue.user.UserService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's own account: their password and their API tokens.
 */
@Controller
class AccountPageController {

	private final UserService users;

	private final ApiTokenService tokens;

	AccountPageController(UserService users, ApiTokenService tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@GetMapping("/account")
	String account(Principal user, Model model) {
		model.addAttribute("user", users.find(user.getName()).orElseThrow());
		model.addAttribute("tokens", tokens.list(user.getName()));
		return "account/account";
	}

	@PostMapping("/account/password")
	String changePassword(Principal user, @RequestParam String currentPassword, @RequestParam String newPassword,
			RedirectAttributes redirect) {
		try {
			users.changePassword(user.getName(), currentPassword, newPassword);
			redirect.addFlashAttribute("message", "Your password is changed.");
		}
		catch (InvalidUserException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/account";
	}

	@PostMapping("/account/tokens")
	String createToken(Principal user, @RequestParam String name, RedirectAttributes redirect) {
		try {
			NewApiToken token = tokens.create(user.getName(), name);
			redirect.addFlashAttribute("newToken", token);
		}
		catch (InvalidUserException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/account";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(Principal user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			tokens.revoke(user.getName(), id);
			redirect.addFlashAttribute("message", "The token is revoked: it no longer works.");
		}
		catch (UserNotFoundException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/account";
	}

}
